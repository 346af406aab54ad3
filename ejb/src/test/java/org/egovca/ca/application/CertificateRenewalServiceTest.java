package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.ACTOR;
import static org.egovca.ca.application.CaServiceFixtures.bean;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.csr;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.newRemoteRa;
import static org.egovca.ca.application.CaServiceFixtures.newUnit;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.proof;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.rsaCsr;
import static org.egovca.ca.application.CaServiceFixtures.sm2Csr;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.egovca.ca.application.CaServiceFixtures.Proof;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.RenewalProof.Operation;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What online renewal and re-key refuse, through the remote RA service: a certificate out of the
 * window, revoked or expired, the wrong key, a proof that is malformed, stale, used, bound to
 * something else or not signed with the certificate's key, and an RA no longer authorised for the
 * certificate's unit. A refusal after the new certificate was signed leaves nothing written.
 */
@ExtendWith(ServiceTier.class)
class CertificateRenewalServiceTest {

  /** Far enough into a one-year certificate to lie in the three-month renewal window. */
  private static final Duration INTO_THE_WINDOW = Duration.ofDays(300);

  @Inject RemoteRaService service;

  private record Holder(String cn, String serial, KeyPair key) {}

  private Holder issued() {
    String cn = unique("Renewal ");
    KeyPair key = TestKeys.sm2KeyPair();
    return new Holder(
        cn, service.issueCertificate(demoRa(), personal(cn, key)).serialNumberHex(), key);
  }

  private static Proof proofNow(Operation operation, String serial, String pkcs10, KeyPair key) {
    return proof(operation, serial, ServiceTier.clock().instant(), pkcs10, key.getPrivate());
  }

  private DualCertificateView renew(Holder holder, String pkcs10, Proof proof) {
    return service.renewCertificate(
        demoRa(), holder.serial(), pkcs10, proof.statement(), proof.signature());
  }

  private DualCertificateView rekey(Holder holder, String pkcs10, Proof proof) {
    return service.rekeyCertificate(
        demoRa(), holder.serial(), pkcs10, proof.statement(), proof.signature());
  }

  @Test
  void aRenewalInTheWindowIssuesOnceAndItsProofServesNoSecondRequest() {
    Holder holder = issued();
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(holder.key());
    Proof proof = proofNow(Operation.RENEW, holder.serial(), pkcs10, holder.key());
    renew(holder, pkcs10, proof);

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "this renewal proof was used already",
        () -> renew(holder, pkcs10, proof));
    assertEquals(2, certificatesNamed(holder.cn()));
  }

  @Test
  void aRenewalBeforeTheWindowIsRefused() {
    Holder holder = issued();
    String pkcs10 = sm2Csr(holder.key());

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "can be renewed only in the",
        () ->
            renew(
                holder, pkcs10, proofNow(Operation.RENEW, holder.serial(), pkcs10, holder.key())));
    assertEquals(1, certificatesNamed(holder.cn()));
  }

  @Test
  void aRevokedCertificateIsNeitherRenewedNorReKeyed() {
    Holder holder = issued();
    service.revokeCertificate(demoRa(), holder.serial(), "H", "HOLDER");
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(holder.key());
    KeyPair newKey = TestKeys.sm2KeyPair();
    String newRequest = sm2Csr(newKey);

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "apply for a new certificate through initial vetting",
        () ->
            renew(
                holder, pkcs10, proofNow(Operation.RENEW, holder.serial(), pkcs10, holder.key())));
    refused(
        RefusalCode.RENEWAL_REFUSED,
        "was revoked at",
        () ->
            rekey(
                holder,
                newRequest,
                proofNow(Operation.REKEY, holder.serial(), newRequest, holder.key())));
  }

  @Test
  void anExpiredCertificateIsNotRenewed() {
    Holder holder = issued();
    ServiceTier.clock().advance(Duration.ofDays(400));
    String pkcs10 = sm2Csr(holder.key());

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "expired at",
        () ->
            renew(
                holder, pkcs10, proofNow(Operation.RENEW, holder.serial(), pkcs10, holder.key())));
  }

  @Test
  void aRenewalWithAnotherKeyIsRefused() {
    Holder holder = issued();
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(TestKeys.sm2KeyPair());

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "a renewal keeps the key",
        () ->
            renew(
                holder, pkcs10, proofNow(Operation.RENEW, holder.serial(), pkcs10, holder.key())));
    assertEquals(1, certificatesNamed(holder.cn()));
  }

  @Test
  void aReKeyWithTheCurrentKeyIsRefused() {
    Holder holder = issued();
    String pkcs10 = sm2Csr(holder.key());

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "a re-key needs a new key",
        () ->
            rekey(
                holder, pkcs10, proofNow(Operation.REKEY, holder.serial(), pkcs10, holder.key())));
  }

  @Test
  void aReKeyToAKeyTheProfileDoesNotAcceptIsRefused() {
    Holder holder = issued();
    String pkcs10 = csr(TestKeys.ecKeyPair("secp256r1"), "SHA256withECDSA");

    refused(
        RefusalCode.UNSUPPORTED_KEY,
        "is not accepted by profile personal-sign",
        () ->
            rekey(
                holder, pkcs10, proofNow(Operation.REKEY, holder.serial(), pkcs10, holder.key())));
  }

  @Test
  void aReKeyOfAPairToAnRsaKeyIsRefusedAndTheSigningCertificateItMadeIsRolledBack() {
    String cn = unique("Pair ");
    KeyPair key = TestKeys.sm2KeyPair();
    DualCertificateView pair = service.issueDualCertificate(demoRa(), personal(cn, key));
    Holder holder = new Holder(cn, pair.signatureCertificate().serialNumberHex(), key);
    String pkcs10 = rsaCsr(TestKeys.rsaKeyPair(2048));

    refused(
        RefusalCode.UNSUPPORTED_KEY,
        "the new signing key must be SM2",
        () -> rekey(holder, pkcs10, proofNow(Operation.REKEY, holder.serial(), pkcs10, key)));
    assertEquals(2, certificatesNamed(cn), "the pair, and no re-keyed signing certificate");
  }

  @Test
  void theEncryptionCertificateOfAPairIsNotRenewedOnItsOwn() {
    String cn = unique("Pair ");
    KeyPair key = TestKeys.sm2KeyPair();
    DualCertificateView pair = service.issueDualCertificate(demoRa(), personal(cn, key));
    Holder encryption = new Holder(cn, pair.encryptionCertificate().serialNumberHex(), key);
    String pkcs10 = sm2Csr(key);

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "is an encryption certificate",
        () ->
            renew(encryption, pkcs10, proofNow(Operation.RENEW, encryption.serial(), pkcs10, key)));
  }

  @Test
  void aProofMadeForTheOtherOperationIsRefused() {
    Holder holder = issued();
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(holder.key());

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "the renewal proof was made for REKEY, not RENEW",
        () ->
            renew(
                holder, pkcs10, proofNow(Operation.REKEY, holder.serial(), pkcs10, holder.key())));
  }

  @Test
  void aProofNamingAnotherCertificateIsRefused() {
    Holder holder = issued();
    Holder other = issued();
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(holder.key());

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "the renewal proof names certificate " + other.serial(),
        () ->
            renew(holder, pkcs10, proofNow(Operation.RENEW, other.serial(), pkcs10, holder.key())));
  }

  @Test
  void aProofMadeForAnotherRequestIsRefused() {
    Holder holder = issued();
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(holder.key());
    String otherRequest = sm2Csr(holder.key());

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "the renewal proof was made for another PKCS#10 request",
        () ->
            renew(
                holder,
                pkcs10,
                proofNow(Operation.RENEW, holder.serial(), otherRequest, holder.key())));
  }

  @Test
  void aProofNotSignedWithTheCertificatesKeyIsRefused() {
    Holder holder = issued();
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(holder.key());

    refused(
        RefusalCode.PROOF_OF_POSSESSION_FAILED,
        "the renewal proof is not signed with the private key of certificate " + holder.serial(),
        () ->
            renew(
                holder,
                pkcs10,
                proofNow(Operation.RENEW, holder.serial(), pkcs10, TestKeys.sm2KeyPair())));
    assertEquals(1, certificatesNamed(holder.cn()));
  }

  @Test
  void aMissingProofIsRefusedAsMalformed() {
    Holder holder = issued();

    refused(
        RefusalCode.MALFORMED_REQUEST,
        "the renewal proof is missing",
        () ->
            service.renewCertificate(demoRa(), holder.serial(), sm2Csr(holder.key()), "", "AQI="));
  }

  @Test
  void aStaleProofIsRefused() {
    Holder holder = issued();
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(holder.key());
    Instant tenMinutesAgo = ServiceTier.clock().instant().minus(Duration.ofMinutes(10));

    refused(
        RefusalCode.RENEWAL_REFUSED,
        "more than 5 minutes from now",
        () ->
            renew(
                holder,
                pkcs10,
                proof(
                    Operation.RENEW,
                    holder.serial(),
                    tenMinutesAgo,
                    pkcs10,
                    holder.key().getPrivate())));
  }

  @Test
  void anRaNoLongerAuthorisedForTheCertificatesUnitMayNotRenewIt() {
    String unit = newUnit();
    CaServiceFixtures.RemoteRa ra = newRemoteRa(unit);
    String cn = unique("Unit holder ");
    KeyPair key = TestKeys.sm2KeyPair();
    String serial =
        service
            .issueCertificate(
                ra.certificate(),
                new IssuanceRequest(
                    "personal-sign", "CN=" + cn, sm2Csr(key), List.of(), List.of(), unit, true))
            .serialNumberHex();
    ServiceTier.inTransaction(
        em -> {
          bean(RemoteRaRegistry.class)
              .changeUnits(new RemoteRaRegistry.Units(ra.name(), List.of(newUnit())), ACTOR);
          return null;
        });
    ServiceTier.clock().advance(INTO_THE_WINDOW);
    String pkcs10 = sm2Csr(key);
    Proof proof = proofNow(Operation.RENEW, serial, pkcs10, key);

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "may not issue certificates for the application unit " + unit,
        () ->
            service.renewCertificate(
                ra.certificate(), serial, pkcs10, proof.statement(), proof.signature()));
    assertEquals(1, certificatesNamed(cn));
  }

  @Test
  void anRaNoLongerAuthorisedForTheCertificatesUnitMayNotReKeyIt() {
    String unit = newUnit();
    CaServiceFixtures.RemoteRa ra = newRemoteRa(unit);
    String cn = unique("Unit holder ");
    KeyPair key = TestKeys.sm2KeyPair();
    String serial =
        service
            .issueCertificate(
                ra.certificate(),
                new IssuanceRequest(
                    "personal-sign", "CN=" + cn, sm2Csr(key), List.of(), List.of(), unit, true))
            .serialNumberHex();
    ServiceTier.inTransaction(
        em -> {
          bean(RemoteRaRegistry.class)
              .changeUnits(new RemoteRaRegistry.Units(ra.name(), List.of()), ACTOR);
          return null;
        });
    String pkcs10 = sm2Csr(TestKeys.sm2KeyPair());
    Proof proof = proofNow(Operation.REKEY, serial, pkcs10, key);

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "may not issue certificates for the application unit " + unit,
        () ->
            service.rekeyCertificate(
                ra.certificate(), serial, pkcs10, proof.statement(), proof.signature()));
    assertEquals(1, certificatesNamed(cn));
  }

  @Test
  void aReKeyWithoutAProofOrWithoutAPkcs10IsRefusedAsMalformed() {
    Holder holder = issued();
    String pkcs10 = sm2Csr(TestKeys.sm2KeyPair());
    String notARequest = "AAECAwQ=";

    refused(
        RefusalCode.MALFORMED_REQUEST,
        "the renewal proof is missing",
        () -> service.rekeyCertificate(demoRa(), holder.serial(), pkcs10, "", "AQI="));
    refused(
        RefusalCode.MALFORMED_REQUEST,
        "pkcs10 is not a",
        () ->
            rekey(
                holder,
                notARequest,
                proofNow(Operation.REKEY, holder.serial(), notARequest, holder.key())));
    assertEquals(1, certificatesNamed(holder.cn()));
  }

  @Test
  void aReKeyWithoutProofOfPossessionOfTheNewOrTheCurrentKeyIsRefused() {
    Holder holder = issued();
    KeyPair newKey = TestKeys.sm2KeyPair();
    String tampered = csr(newKey, TestKeys.sm2KeyPair().getPrivate(), "SM3withSM2");
    String pkcs10 = sm2Csr(newKey);

    refused(
        RefusalCode.PROOF_OF_POSSESSION_FAILED,
        "proof of possession failed",
        () ->
            rekey(
                holder,
                tampered,
                proofNow(Operation.REKEY, holder.serial(), tampered, holder.key())));
    refused(
        RefusalCode.PROOF_OF_POSSESSION_FAILED,
        "the renewal proof is not signed with the private key of certificate " + holder.serial(),
        () ->
            rekey(
                holder,
                pkcs10,
                proofNow(Operation.REKEY, holder.serial(), pkcs10, TestKeys.sm2KeyPair())));
    assertEquals(1, certificatesNamed(holder.cn()));
  }
}
