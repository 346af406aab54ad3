package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ra.domain.ApplicationKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A renewal or re-key entered in the console carries the holder's renewal proof. */
class ChangeEntryTest {

  private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");

  private static final IssuedCertificate TARGET =
      new IssuedCertificate(
          new CertificateAuthority(
              "iFutureCA",
              "CN=iFutureCA,C=CN",
              null,
              "issuing-1",
              "SM2_256",
              BigInteger.valueOf(0x1234),
              T.minusSeconds(86400),
              T.plusSeconds(86400 * 365),
              new byte[] {1},
              T),
          BigInteger.valueOf(0x5f3a),
          "CN=Zhang San,C=CN",
          "personal-sign",
          1,
          "SM2_256",
          T,
          T.plusSeconds(86400 * 365),
          new byte[32],
          new byte[] {0x30, 0x00},
          "remote-ra:demo-ra",
          T);

  private static final Function<String, IssuedCertificate> CERTIFICATES = serial -> TARGET;

  private static final String STATEMENT =
      RenewalProof.statement(
          RenewalProof.Operation.RENEW, BigInteger.valueOf(0x5f3a), T, new byte[] {1});

  private static String pkcs10;

  @BeforeAll
  static void request() throws Exception {
    KeyPair holder = TestKeys.sm2KeyPair();
    pkcs10 =
        Pem.text(
            "CERTIFICATE REQUEST",
            new PKCS10CertificationRequestBuilder(
                    new X500Name("CN=ignored"), TestKeys.spki(holder.getPublic()))
                .build(TestKeys.signer("SM3withSM2", holder.getPrivate()))
                .getEncoded());
  }

  private static ChangeRequestForm form(String proof, String signature) {
    return new ChangeRequestForm(
        "5f3a",
        pkcs10,
        proof,
        signature,
        null,
        null,
        "Zhang San",
        null,
        null,
        "zhangsan@example.cn",
        null);
  }

  private static List<String> fieldsRefused(ApplicationKind kind, ChangeRequestForm form) {
    Refusal refused =
        assertThrows(Refusal.class, () -> ChangeEntry.check(kind, form, CERTIFICATES));
    return refused.problems().stream().map(Refusal.Problem::field).toList();
  }

  @Test
  void aRenewalOrRekeyWithoutTheHoldersProofIsRefusedNamingBothFields() {
    for (ApplicationKind kind : List.of(ApplicationKind.RENEW, ApplicationKind.REKEY)) {
      List<String> fields = fieldsRefused(kind, form(null, " "));
      assertTrue(fields.contains("renewalProof"), kind + ": " + fields);
      assertTrue(fields.contains("renewalProofSignature"), kind + ": " + fields);
    }
  }

  @Test
  void aMalformedProofIsRefusedNextToItsField() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                ChangeEntry.check(
                    ApplicationKind.RENEW,
                    form(STATEMENT.replace("RENEW", "REVOKE"), "AAAA"),
                    CERTIFICATES));
    assertEquals("renewalProof", refused.problems().get(0).field());
    assertTrue(refused.getMessage().contains("RENEW or REKEY"), refused.getMessage());
  }

  /** A text area sends CR LF and the holder may paste without the final line feed. */
  @Test
  void theStatementAsATextAreaSendsItIsTheStatementAsSigned() {
    String pasted = STATEMENT.replace("\n", "\r\n").strip();

    ChangeEntry entry =
        ChangeEntry.check(ApplicationKind.RENEW, form(pasted, "AAAA"), CERTIFICATES);

    assertEquals(STATEMENT, entry.proof().statement());
  }

  @Test
  void aRevocationNeedsNoProof() {
    ChangeRequestForm revocation =
        new ChangeRequestForm(
            "5f3a",
            null,
            null,
            null,
            "E",
            "HOLDER",
            "Zhang San",
            "RESIDENT_ID_CARD",
            ApplicantEntryTest.residentId("44030819900307123"),
            "zhangsan@example.cn",
            null);

    ChangeEntry entry = ChangeEntry.check(ApplicationKind.REVOKE, revocation, CERTIFICATES);

    assertNull(entry.proof());
  }
}
