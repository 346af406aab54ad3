package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.clientCertificate;
import static org.egovca.delivery.application.DeliveryServiceFixtures.issue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.register;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.application.AuditActions;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.CaRequestException;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.servicetier.ServiceTier;
import org.egovca.sync.CertificateState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class EgovQueriesServiceTest {

  private static String unit;
  private static String systemName;
  private static byte[] system;
  private static IssuedCertificate own;
  private static IssuedCertificate othersUnit;

  @Inject EgovQueries queries;

  /** Once per run, in the first test: a {@code @BeforeAll} would run before the tier starts. */
  @BeforeEach
  void aSystemAndACertificateOfItsUnitAndOfAnother() {
    if (system != null) {
      return;
    }
    unit = unit();
    systemName = unique("query");
    system = clientCertificate(register(systemName, unit, unreachable()));
    own = issue(unit, false);
    othersUnit = issue(unit(), false);
  }

  @Test
  void aCertificateOfTheSystemsOwnUnitIsAnsweredWithItsStatus() {
    EgovQueries.CertificateAnswer answer =
        queries.certificateBySerial(system, own.getSerialNumberHex());
    assertEquals(CertificateState.GOOD, answer.status());
    assertEquals(
        List.of(own.getSerialNumberHex()),
        queries.certificatesBySubject(system, own.getSubjectDn()).stream()
            .map(EgovQueries.CertificateAnswer::serialNumberHex)
            .toList());
  }

  @Test
  void anotherUnitsCertificateIsRefusedAndTheDenialAudited() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () -> queries.certificateBySerial(system, othersUnit.getSerialNumberHex()));
    assertEquals(CaRequestException.Reason.NOT_AUTHORIZED, refused.reason());
    assertTrue(refused.getMessage().contains(unit), refused.getMessage());
    assertTrue(
        DeliveryServiceFixtures.audit("egov-system:" + systemName, AuditActions.QUERY_SERVICE)
            .stream()
            .anyMatch(
                e ->
                    e.getOutcome() == AuditOutcome.DENIED
                        && e.getDetail()
                            .startsWith("certificate " + othersUnit.getSerialNumberHex())));
  }

  @Test
  void anotherUnitsCertificateIsNotFoundBySubject() {
    assertEquals(List.of(), queries.certificatesBySubject(system, othersUnit.getSubjectDn()));
  }

  @Test
  void theRemoteRasCredentialIsRefused() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () ->
                queries.certificateBySerial(
                    DeliveryServiceFixtures.demoRaCertificate(), own.getSerialNumberHex()));
    assertEquals(CaRequestException.Reason.NOT_AUTHORIZED, refused.reason());
  }

  @Test
  void aCallWithoutAClientCertificateIsRefused() {
    CaRequestException refused =
        assertThrows(CaRequestException.class, () -> queries.caChain(null, "iFutureCA"));
    assertEquals(CaRequestException.Reason.NOT_AUTHORIZED, refused.reason());
  }

  @Test
  void aDeactivatedSystemIsRefusedAndTheDenialAudited() {
    String name = unique("paused");
    byte[] paused = clientCertificate(register(name, unit, unreachable()));
    ServiceTier.inTransaction(
        em ->
            DeliveryServiceFixtures.bean(EgovSystemRegistry.class).setActive(name, false, "test"));

    CaRequestException refused =
        assertThrows(CaRequestException.class, () -> queries.caChain(paused, "iFutureCA"));

    assertEquals(CaRequestException.Reason.NOT_AUTHORIZED, refused.reason());
    assertTrue(refused.getMessage().contains("is not active"), refused.getMessage());
    // the denial names the system as every other record of it does, once prefixed
    assertTrue(
        DeliveryServiceFixtures.audit("egov-system:" + name, "getCaChain").stream()
            .anyMatch(
                e ->
                    e.getOutcome() == AuditOutcome.DENIED
                        && e.getDetail().contains("egov-system:" + name + " is not active")),
        () ->
            DeliveryServiceFixtures.audit("getCaChain").stream()
                .map(AuditEvent::getActor)
                .toList()
                .toString());
  }

  @Test
  void aSerialThatIsNotHexadecimalIsRefused() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class, () -> queries.certificateBySerial(system, "not-a-serial"));
    assertEquals(CaRequestException.Reason.MALFORMED_REQUEST, refused.reason());
    assertTrue(refused.getMessage().contains("hexadecimal"), refused.getMessage());
  }

  @Test
  void aSerialTheCaNeverIssuedIsRefusedNamingIt() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class, () -> queries.certificateBySerial(system, "7e57ab1e"));
    assertEquals(CaRequestException.Reason.UNKNOWN_CERTIFICATE, refused.reason());
    assertTrue(refused.getMessage().contains("7e57ab1e"), refused.getMessage());
  }

  @Test
  void aBlankOrOverlongSubjectIsRefused() {
    assertEquals(
        CaRequestException.Reason.MALFORMED_REQUEST,
        assertThrows(CaRequestException.class, () -> queries.certificatesBySubject(system, " "))
            .reason());
    assertEquals(
        CaRequestException.Reason.MALFORMED_REQUEST,
        assertThrows(
                CaRequestException.class,
                () -> queries.certificatesBySubject(system, "CN=" + "x".repeat(1024)))
            .reason());
  }

  @Test
  void anUnknownCaIsRefusedForItsChainAndItsCrl() {
    assertEquals(
        CaRequestException.Reason.CA_UNAVAILABLE,
        assertThrows(CaRequestException.class, () -> queries.caChain(system, "NoSuchCA")).reason());
    assertEquals(
        CaRequestException.Reason.CA_UNAVAILABLE,
        assertThrows(CaRequestException.class, () -> queries.latestCrl(system, "NoSuchCA"))
            .reason());
  }

  @Test
  void theChainAndTheLatestCrlArePublic() {
    assertEquals(2, queries.caChain(system, "iFutureCA").size());
    assertTrue(queries.latestCrl(system, "iFutureCA").length > 0);
  }
}
