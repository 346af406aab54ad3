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
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.servicetier.ServiceTier;
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
    assertEquals(CertificateStatus.GOOD, answer.status());
    assertEquals(
        List.of(own.getSerialNumberHex()),
        queries.certificatesBySubject(system, own.getSubjectDn()).stream()
            .map(EgovQueries.CertificateAnswer::serialNumberHex)
            .toList());
  }

  @Test
  void anotherUnitsCertificateIsRefusedAndTheDenialAudited() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> queries.certificateBySerial(system, othersUnit.getSerialNumberHex()));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains(unit), refused.getMessage());
    assertTrue(
        DeliveryServiceFixtures.audit("egov-system:" + systemName, AuditAction.QUERY_SERVICE)
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
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                queries.certificateBySerial(
                    DeliveryServiceFixtures.demoRaCertificate(), own.getSerialNumberHex()));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
  }

  @Test
  void aCallWithoutAClientCertificateIsRefused() {
    Refusal refused = assertThrows(Refusal.class, () -> queries.caChain(null, "iFutureCA"));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
  }

  @Test
  void aDeactivatedSystemIsRefusedAndTheDenialAudited() {
    String name = unique("paused");
    byte[] paused = clientCertificate(register(name, unit, unreachable()));
    ServiceTier.inTransaction(
        em ->
            DeliveryServiceFixtures.bean(EgovSystemRegistry.class).setActive(name, false, "test"));

    Refusal refused = assertThrows(Refusal.class, () -> queries.caChain(paused, "iFutureCA"));

    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains("is not active"), refused.getMessage());
    // the denial names the system as every other record of it does, once prefixed
    assertTrue(
        DeliveryServiceFixtures.audit("egov-system:" + name, AuditAction.QUERY_SERVICE).stream()
            .anyMatch(
                e ->
                    e.getOutcome() == AuditOutcome.DENIED
                        && e.getDetail().contains("egov-system:" + name + " is not active")),
        () ->
            DeliveryServiceFixtures.audit(AuditAction.QUERY_SERVICE).stream()
                .map(AuditEvent::getActor)
                .toList()
                .toString());
  }

  @Test
  void aSerialThatIsNotHexadecimalIsRefused() {
    Refusal refused =
        assertThrows(Refusal.class, () -> queries.certificateBySerial(system, "not-a-serial"));
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains("hexadecimal"), refused.getMessage());
  }

  @Test
  void aSerialTheCaNeverIssuedIsRefusedNamingIt() {
    Refusal refused =
        assertThrows(Refusal.class, () -> queries.certificateBySerial(system, "7e57ab1e"));
    assertEquals(RefusalCode.UNKNOWN_CERTIFICATE, refused.code());
    assertTrue(refused.getMessage().contains("7e57ab1e"), refused.getMessage());
  }

  @Test
  void aBlankOrOverlongSubjectIsRefused() {
    assertEquals(
        RefusalCode.MALFORMED_REQUEST,
        assertThrows(Refusal.class, () -> queries.certificatesBySubject(system, " ")).code());
    assertEquals(
        RefusalCode.MALFORMED_REQUEST,
        assertThrows(
                Refusal.class,
                () -> queries.certificatesBySubject(system, "CN=" + "x".repeat(1024)))
            .code());
  }

  @Test
  void anUnknownCaIsRefusedForItsChainAndItsCrl() {
    assertEquals(
        RefusalCode.CA_UNAVAILABLE,
        assertThrows(Refusal.class, () -> queries.caChain(system, "NoSuchCA")).code());
    assertEquals(
        RefusalCode.CA_UNAVAILABLE,
        assertThrows(Refusal.class, () -> queries.latestCrl(system, "NoSuchCA")).code());
  }

  @Test
  void theChainAndTheLatestCrlArePublic() {
    assertEquals(2, queries.caChain(system, "iFutureCA").size());
    assertTrue(queries.latestCrl(system, "iFutureCA").length > 0);
  }
}
