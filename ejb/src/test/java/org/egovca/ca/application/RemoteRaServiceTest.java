package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.auditEvents;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.newRemoteRa;
import static org.egovca.ca.application.CaServiceFixtures.newUnit;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.proof;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.sm2Csr;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.BatchRefusal;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.RenewalProof.Operation;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the remote RA service refuses of an authenticated RA: batches out of bounds (all or none),
 * work outside its application units or on certificates it did not request, and revocations that
 * name no condition or initiator of the CPS. The caller's own authentication is {@link
 * ClientAuthenticatorServiceTest}'s.
 */
@ExtendWith(ServiceTier.class)
class RemoteRaServiceTest {

  private static final KeyPair SM2 = TestKeys.sm2KeyPair();

  /** A remote RA authorised for one unit of its own. */
  private record UnitRa(String unit, CaServiceFixtures.RemoteRa ra) {}

  /** Made once: the tests that need an RA besides demo-ra share it (an RSA key takes a while). */
  private static UnitRa unitRa;

  @Inject RemoteRaService service;

  private static synchronized UnitRa unitRa() {
    if (unitRa == null) {
      String unit = newUnit();
      unitRa = new UnitRa(unit, newRemoteRa(unit));
    }
    return unitRa;
  }

  private static String unknownSerial() {
    return new BigInteger(120, new SecureRandom()).setBit(119).toString(16);
  }

  /** A renewal proof for {@code operation} of {@code serial}, made now with {@code key}. */
  private static CaServiceFixtures.Proof proofNow(
      Operation operation, String serial, String pkcs10, KeyPair key) {
    return proof(operation, serial, ServiceTier.clock().instant(), pkcs10, key.getPrivate());
  }

  @Test
  void anEmptyBatchIsRefusedAsMalformed() {
    refused(
        RefusalCode.MALFORMED_REQUEST,
        "the batch holds no request",
        () -> service.issueCertificates(demoRa(), List.of()));
  }

  @Test
  void aBatchLargerThanTheLimitIsRefusedBeforeAnyRequestIsRead() {
    List<IssuanceRequest> requests = Collections.nCopies(1001, personal("x", SM2));

    refused(
        RefusalCode.BATCH_TOO_LARGE,
        "at most 1000 are accepted in one call",
        () -> service.issueCertificates(demoRa(), requests));
  }

  @Test
  void aBatchWithOneRefusedRequestIssuesNoneOfItsCertificates() {
    String first = unique("Batch first ");
    String second = unique("Batch second ");
    List<IssuanceRequest> requests =
        List.of(
            personal(first, SM2),
            new IssuanceRequest(
                "personal-sign", "CN=" + second + ",C=China", personal(second, SM2).pkcs10()));

    Refusal refusal =
        refused(
            RefusalCode.INVALID_SUBJECT,
            "request at index 1 (of 2) is refused, so no certificate of the batch was issued",
            () -> service.issueCertificates(demoRa(), requests));

    assertEquals(1, assertInstanceOf(BatchRefusal.class, refusal).requestIndex());
    assertEquals(0, certificatesNamed(first), "the first request's certificate is rolled back");
    assertEquals(0, certificatesNamed(second));
  }

  @Test
  void anEmptyRequestInABatchIsRefusedByItsIndex() {
    List<IssuanceRequest> requests = Arrays.asList(personal(unique("Batch "), SM2), null);

    Refusal refusal =
        refused(
            RefusalCode.MALFORMED_REQUEST,
            "the request is empty",
            () -> service.issueCertificates(demoRa(), requests));

    assertEquals(1, ((BatchRefusal) refusal).requestIndex());
  }

  @Test
  void anRaIssuingForAUnitItIsNotAuthorisedForIsDeniedAndNothingIsWritten() {
    String own = newUnit();
    String other = newUnit();
    CaServiceFixtures.RemoteRa ra = newRemoteRa(own);
    String cn = unique("Out of unit ");
    IssuanceRequest request =
        new IssuanceRequest(
            "personal-sign",
            "CN=" + cn,
            personal(cn, SM2).pkcs10(),
            List.of(),
            List.of(),
            other,
            true);

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "may not issue certificates for the application unit " + other,
        () -> service.issueCertificate(ra.certificate(), request));

    assertEquals(0, certificatesNamed(cn));
    assertEquals(1, auditEvents(cn, AuditOutcome.DENIED));
  }

  @Test
  void anRaAskingForADualCertificateOutsideItsUnitsIsDenied() {
    CaServiceFixtures.RemoteRa ra = newRemoteRa(newUnit());
    String other = newUnit();
    String cn = unique("Dual out of unit ");
    IssuanceRequest request =
        new IssuanceRequest(
            "personal-sign",
            "CN=" + cn,
            personal(cn, SM2).pkcs10(),
            List.of(),
            List.of(),
            other,
            true);

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "may not issue certificates for the application unit " + other,
        () -> service.issueDualCertificate(ra.certificate(), request));
    assertEquals(0, certificatesNamed(cn));
  }

  @Test
  void anRaCannotRevokeACertificateAnotherRaRequested() {
    String cn = unique("Other RA's ");
    CertificateView issued = service.issueCertificate(demoRa(), personal(cn, SM2));
    CaServiceFixtures.RemoteRa other = newRemoteRa();

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "was not requested through the RA account " + other.name(),
        () ->
            service.revokeCertificate(
                other.certificate(), issued.serialNumberHex(), "H", "HOLDER"));

    assertEquals(CertificateStatus.GOOD, statusOf(issued.serialNumberHex()));
    assertEquals(1, auditEvents(issued.serialNumberHex(), AuditOutcome.DENIED));
  }

  @Test
  void anRaCannotRevokeTheSystemsOwnCertificates() throws Exception {
    String ownSerial = new X509CertificateHolder(demoRa()).getSerialNumber().toString(16);

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "an RA renews, re-keys and revokes only the certificates it requested",
        () -> service.revokeCertificate(demoRa(), ownSerial, "H", "HOLDER"));
    assertEquals(CertificateStatus.GOOD, statusOf(ownSerial));
  }

  @Test
  void aSerialThatIsNoNumberIsRefusedAsUnknown() {
    refused(
        RefusalCode.UNKNOWN_CERTIFICATE,
        "positive hexadecimal certificate serial number",
        () -> service.revokeCertificate(demoRa(), "not-a-serial", "H", "HOLDER"));
  }

  @Test
  void aSerialThisCaNeverIssuedIsRefusedAsUnknown() {
    String serial = unknownSerial();

    refused(
        RefusalCode.UNKNOWN_CERTIFICATE,
        "no certificate with serial " + serial + " was issued by this CA",
        () -> service.revokeCertificate(demoRa(), serial, "H", "HOLDER"));
  }

  @Test
  void aRevocationReasonOutsideTheCpsConditionsIsRefused() {
    CertificateView issued =
        service.issueCertificate(demoRa(), personal(unique("RefusalCode "), SM2));

    refused(
        RefusalCode.INVALID_REVOCATION,
        "reason 'Z' is not a revocation condition of CPS 6.1.4.8.1",
        () -> service.revokeCertificate(demoRa(), issued.serialNumberHex(), "Z", "HOLDER"));
    assertEquals(CertificateStatus.GOOD, statusOf(issued.serialNumberHex()));
  }

  @Test
  void anUnknownRevocationInitiatorIsRefused() {
    CertificateView issued =
        service.issueCertificate(demoRa(), personal(unique("Initiator "), SM2));

    refused(
        RefusalCode.INVALID_REVOCATION,
        "initiator 'NOBODY' is not one of HOLDER",
        () -> service.revokeCertificate(demoRa(), issued.serialNumberHex(), "H", "NOBODY"));
    assertEquals(CertificateStatus.GOOD, statusOf(issued.serialNumberHex()));
  }

  @Test
  void theProfilesOfferedAreTheRemoteRaOnes() {
    List<String> names = service.listProfiles(demoRa()).stream().map(ProfileView::name).toList();

    assertEquals(true, names.contains("personal-sign"));
    assertEquals(false, names.contains("tls-client"));
  }

  @Test
  void anRaCannotReKeyOrRenewACertificateAnotherRaRequested() {
    String cn = unique("Other RA's ");
    CertificateView issued = service.issueCertificate(demoRa(), personal(cn, SM2));
    String serial = issued.serialNumberHex();
    KeyPair newKey = TestKeys.sm2KeyPair();
    String rekeyRequest = sm2Csr(newKey);
    CaServiceFixtures.Proof rekeyProof = proofNow(Operation.REKEY, serial, rekeyRequest, SM2);
    String renewRequest = sm2Csr(SM2);
    CaServiceFixtures.Proof renewProof = proofNow(Operation.RENEW, serial, renewRequest, SM2);
    byte[] other = unitRa().ra().certificate();

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "was not requested through the RA account " + unitRa().ra().name(),
        () ->
            service.rekeyCertificate(
                other, serial, rekeyRequest, rekeyProof.statement(), rekeyProof.signature()));
    refused(
        RefusalCode.NOT_AUTHORIZED,
        "was not requested through the RA account " + unitRa().ra().name(),
        () ->
            service.renewCertificate(
                other, serial, renewRequest, renewProof.statement(), renewProof.signature()));

    assertEquals(1, certificatesNamed(cn));
    assertEquals(2, auditEvents(serial, AuditOutcome.DENIED));
  }

  @Test
  void aReKeyOrRenewalOfASerialThisCaNeverIssuedIsRefusedAsUnknown() {
    String serial = unknownSerial();
    String pkcs10 = sm2Csr(SM2);

    refused(
        RefusalCode.UNKNOWN_CERTIFICATE,
        "no certificate with serial " + serial + " was issued by this CA",
        () -> service.rekeyCertificate(demoRa(), serial, pkcs10, "statement", "AQI="));
    refused(
        RefusalCode.UNKNOWN_CERTIFICATE,
        "no certificate with serial " + serial + " was issued by this CA",
        () -> service.renewCertificate(demoRa(), serial, pkcs10, "statement", "AQI="));
    assertEquals(2, auditEvents(serial, AuditOutcome.FAILURE));
  }

  @Test
  void aBatchWithARequestOutsideTheRasUnitsIsDeniedByItsIndexAndIssuesNothing() {
    String first = unique("Batch in unit ");
    String second = unique("Batch out of unit ");
    String other = newUnit();
    List<IssuanceRequest> requests =
        List.of(
            new IssuanceRequest(
                "personal-sign",
                "CN=" + first,
                personal(first, SM2).pkcs10(),
                List.of(),
                List.of(),
                unitRa().unit(),
                true),
            new IssuanceRequest(
                "personal-sign",
                "CN=" + second,
                personal(second, SM2).pkcs10(),
                List.of(),
                List.of(),
                other,
                true));

    Refusal refusal =
        refused(
            RefusalCode.NOT_AUTHORIZED,
            "request at index 1 (of 2) is refused, so no certificate of the batch was issued: the"
                + " RA account "
                + unitRa().ra().name()
                + " may not issue certificates for the application unit "
                + other,
            () -> service.issueCertificates(unitRa().ra().certificate(), requests));

    assertEquals(1, assertInstanceOf(BatchRefusal.class, refusal).requestIndex());
    assertEquals(0, certificatesNamed(first));
    assertEquals(0, certificatesNamed(second));
    assertEquals(1, auditEvents(other, AuditOutcome.DENIED));
  }

  @Test
  void aDualCertificateRequestThatIsNoPkcs10IsRefusedAsMalformed() {
    String cn = unique("Dual malformed ");

    refused(
        RefusalCode.MALFORMED_REQUEST,
        "pkcs10 is not a",
        () ->
            service.issueDualCertificate(
                demoRa(), new IssuanceRequest("personal-sign", "CN=" + cn, "AAECAwQ=")));
    assertEquals(0, certificatesNamed(cn));
    assertEquals(1, auditEvents(cn, AuditOutcome.FAILURE));
  }

  @Test
  void aDualCertificateForAnUnknownUnitIsRefusedNamingIt() {
    String cn = unique("Dual no unit ");
    String code = unique("NONE-");

    refused(
        RefusalCode.UNKNOWN_APPLICATION_UNIT,
        "there is no application unit with the code '" + code + "'",
        () ->
            service.issueDualCertificate(
                demoRa(),
                new IssuanceRequest(
                    "personal-sign",
                    "CN=" + cn,
                    personal(cn, SM2).pkcs10(),
                    List.of(),
                    List.of(),
                    code,
                    true)));
    assertEquals(0, certificatesNamed(cn));
    assertEquals(1, auditEvents(cn, AuditOutcome.FAILURE));
  }

  static CertificateStatus statusOf(String serialHex) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT c.status FROM IssuedCertificate c WHERE c.serialNumber = :serial",
                    CertificateStatus.class)
                .setParameter("serial", serialHex)
                .getSingleResult());
  }
}
