package org.egovca.delivery.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.delivery.domain.ChangeType;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CertificateStatus;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.Recipient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sync message carries the latest state of the certificate, whatever queued it. */
class SyncMessagesTest {

  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Recipient RECIPIENT = new Recipient("tax-bureau", "SW-01");
  private static byte[] der;

  @BeforeAll
  static void certificate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair key = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=张三,O=税务局,C=CN");
    der =
        new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(0xabcdef),
                Date.from(ISSUED),
                Date.from(ISSUED.plus(Duration.ofDays(365))),
                subject,
                key.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
            .getEncoded();
  }

  @Test
  void aGoodCertificateCarriesTheHolderAndItsValidity() {
    IssuedCertificate certificate = issued();
    CertificateSync message =
        SyncMessages.certificate(
            item(ChangeType.ISSUE), RECIPIENT, certificate, ISSUED.plusSeconds(60));
    assertEquals(BusinessType.ISSUE, message.businessType());
    assertEquals(RECIPIENT, message.recipient());
    assertEquals(CertificateStatus.GOOD, message.status());
    assertEquals("张三", message.holder().commonName());
    assertEquals("税务局", message.holder().organisation());
    assertEquals("abcdef", message.serialNumber());
    assertArrayEquals(der, message.certificate());
    assertEquals(ISSUED.plus(Duration.ofDays(365)), message.notAfter());
    assertNull(message.revokedAt());
    assertNull(message.revocationReason());
  }

  @Test
  void anIssueSentAfterTheRevocationSaysRevoked() {
    IssuedCertificate certificate = issued();
    Instant revokedAt = ISSUED.plus(Duration.ofDays(10));
    certificate.revoke(revokedAt, RevocationReason.E_KEY_COMPROMISE, RevocationInitiator.RA);
    CertificateSync message =
        SyncMessages.certificate(
            item(ChangeType.ISSUE), RECIPIENT, certificate, revokedAt.plusSeconds(1));
    assertEquals(BusinessType.ISSUE, message.businessType());
    assertEquals(CertificateStatus.REVOKED, message.status());
    assertEquals(revokedAt, message.revokedAt());
    assertEquals("keyCompromise", message.revocationReason());
  }

  @Test
  void aHoldersOwnRequestHasNoCodeAndTravelsAsUnspecified() {
    IssuedCertificate certificate = issued();
    certificate.revoke(
        ISSUED.plusSeconds(5), RevocationReason.H_HOLDER_REQUEST, RevocationInitiator.HOLDER);
    assertEquals(
        "unspecified",
        SyncMessages.certificate(
                item(ChangeType.REVOKE), RECIPIENT, certificate, ISSUED.plusSeconds(6))
            .revocationReason());
  }

  @Test
  void aCertificatePastItsValidityIsExpired() {
    assertEquals(
        CertificateStatus.EXPIRED,
        SyncMessages.certificate(
                item(ChangeType.RENEW), RECIPIENT, issued(), ISSUED.plus(Duration.ofDays(400)))
            .status());
  }

  private static Delivery item(ChangeType type) {
    return Delivery.ofCertificate(
        DeliveryQueue.ofEgovSystem(1), type, "iFutureCA", 1, "serial abcdef", ISSUED);
  }

  private static IssuedCertificate issued() {
    CertificateAuthority ca =
        new CertificateAuthority(
            "iFutureCA",
            "CN=iFutureCA,C=CN",
            null,
            "alias",
            "SM2_256",
            BigInteger.TEN,
            ISSUED,
            ISSUED.plus(Duration.ofDays(3650)),
            new byte[] {1},
            ISSUED);
    return new IssuedCertificate(
        ca,
        BigInteger.valueOf(0xabcdef),
        "CN=张三,O=税务局,C=CN",
        "personal-sign",
        1,
        "RSA_2048",
        ISSUED,
        ISSUED.plus(Duration.ofDays(365)),
        new byte[32],
        der,
        "test",
        ISSUED);
  }
}
