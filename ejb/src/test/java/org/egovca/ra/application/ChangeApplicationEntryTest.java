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
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.ResidentIds;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ra.domain.ApplicationKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A renewal, re-key or revocation application entered in the console: its constraints for the kind
 * applied for, every problem at once; a renewal or re-key carries the holder's renewal proof.
 */
class ChangeApplicationEntryTest {

  private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");

  private static final IssuedCertificate TARGET = target();

  private static IssuedCertificate target() {
    return new IssuedCertificate(
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
  }

  private static final Function<String, IssuedCertificate> CERTIFICATES = serialNumber -> TARGET;

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

  private static ChangeApplicationForm form(String proof, String signature) {
    ChangeApplicationForm form = requester();
    form.setPkcs10(pkcs10);
    form.setRenewalProof(proof);
    form.setRenewalProofSignature(signature);
    return form;
  }

  /** The serial number and the requester, as every kind of application has them. */
  private static ChangeApplicationForm requester() {
    ChangeApplicationForm form = new ChangeApplicationForm();
    form.setSerialNumber(" 5f3a ");
    form.setRequesterName(" Zhang San ");
    form.setEmail("zhangsan@example.cn");
    return form;
  }

  private static ChangeApplicationForm revocation() {
    ChangeApplicationForm form = requester();
    form.setRevocationReason("E");
    form.setInitiator("holder");
    form.setIdDocumentType("RESIDENT_ID_CARD");
    form.setIdDocumentNumber(ResidentIds.of("44030819900307123"));
    return form;
  }

  private static Refusal refused(ApplicationKind kind, ChangeApplicationForm form) {
    Refusal refused =
        assertThrows(Refusal.class, () -> ChangeApplicationEntry.check(kind, form, CERTIFICATES));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    return refused;
  }

  private static List<String> fieldsRefused(ApplicationKind kind, ChangeApplicationForm form) {
    return refused(kind, form).problems().stream().map(Refusal.Problem::field).toList();
  }

  /** The problems of {@code form} as "field key". */
  private static List<String> problems(ApplicationKind kind, ChangeApplicationForm form) {
    return refused(kind, form).problems().stream().map(p -> p.field() + " " + p.key()).toList();
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
        refused(ApplicationKind.RENEW, form(STATEMENT.replace("RENEW", "REVOKE"), "AAAA"));
    assertEquals("renewalProof", refused.problems().get(0).field());
    assertTrue(refused.getMessage().contains("RENEW or REKEY"), refused.getMessage());
  }

  /** A text area sends CR LF and the holder may paste without the final line feed. */
  @Test
  void theStatementAsATextAreaSendsItIsTheStatementAsSigned() {
    String pasted = STATEMENT.replace("\n", "\r\n").strip();

    ChangeApplicationEntry entry =
        ChangeApplicationEntry.check(ApplicationKind.RENEW, form(pasted, "AAAA"), CERTIFICATES);

    assertEquals(STATEMENT, entry.proof().statement());
    assertEquals(RevocationInitiator.HOLDER, entry.initiator());
    assertEquals("Zhang San", entry.applicant().getName());
  }

  @Test
  void aRevocationNeedsNoProof() {
    ChangeApplicationEntry entry =
        ChangeApplicationEntry.check(ApplicationKind.REVOKE, revocation(), CERTIFICATES);

    assertNull(entry.proof());
    assertNull(entry.pkcs10());
    assertEquals(RevocationReason.E_KEY_COMPROMISE, entry.reason());
    assertEquals(RevocationInitiator.HOLDER, entry.initiator());
    assertEquals("RESIDENT_ID_CARD", entry.applicant().getIdDocumentType());
  }

  /** The page keeps what was typed for another kind; the entry neither checks nor keeps it. */
  @Test
  void theFieldsOfTheOtherKindAreIgnored() {
    ChangeApplicationForm revocation = revocation();
    revocation.setPkcs10("not a request");
    revocation.setRenewalProof("x".repeat(2000));
    ChangeApplicationEntry revoked =
        ChangeApplicationEntry.check(ApplicationKind.REVOKE, revocation, CERTIFICATES);
    assertNull(revoked.pkcs10());

    ChangeApplicationForm renewal = form(STATEMENT, "AAAA");
    renewal.setRevocationReason("Z");
    renewal.setInitiator("NEIGHBOUR");
    ChangeApplicationEntry renewed =
        ChangeApplicationEntry.check(ApplicationKind.REKEY, renewal, CERTIFICATES);
    assertNull(renewed.reason());
  }

  @Test
  void aRevocationNamesItsConditionAndInitiator() {
    ChangeApplicationForm form = revocation();
    form.setRevocationReason("SUPERSEDED");
    form.setInitiator(" ");

    assertEquals(
        List.of("revocationReason change.reason", "initiator field.required"),
        problems(ApplicationKind.REVOKE, form));
  }

  @Test
  void everyBadFieldIsReportedAtOnceInTheFormsOrder() {
    ChangeApplicationForm form = new ChangeApplicationForm();
    form.setPkcs10(" ");
    form.setRenewalProof(STATEMENT);
    form.setRenewalProofSignature("AAAA");
    form.setRequesterName("a\u0000b");
    form.setIdDocumentNumber("123");
    form.setEmail("zhangsan");
    form.setPhone("ext. 12345");

    assertEquals(
        List.of(
            "serialNumber field.required",
            "pkcs10 field.required",
            "requesterName field.controlCharacters",
            "idDocumentType field.required",
            "email field.email",
            "phone field.phone"),
        problems(ApplicationKind.RENEW, form));
  }

  @Test
  void aRequesterShowsTheirDocumentWholeWithItsCheckCharacter() {
    ChangeApplicationForm withoutNumber = revocation();
    withoutNumber.setIdDocumentNumber(null);
    assertEquals(
        List.of("idDocumentNumber field.required"),
        problems(ApplicationKind.REVOKE, withoutNumber));

    ChangeApplicationForm wrongCheck = revocation();
    wrongCheck.setIdDocumentNumber("440308199003071230");
    assertEquals(
        List.of("idDocumentNumber applicant.documentNumber"),
        problems(ApplicationKind.REVOKE, wrongCheck));

    ChangeApplicationForm none = revocation();
    none.setIdDocumentType(null);
    none.setIdDocumentNumber(" ");
    assertNull(
        ChangeApplicationEntry.check(ApplicationKind.REVOKE, none, CERTIFICATES)
            .applicant()
            .getIdDocumentType());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"zhangsan@example.cn", "zhang.san+ra@mail.example.gov.cn", "a_b-c%1@x-y.cn"})
  void wellFormedEmailAddressesAreAccepted(String address) {
    ChangeApplicationForm form = revocation();
    form.setEmail(" " + address + " ");
    assertEquals(
        address,
        ChangeApplicationEntry.check(ApplicationKind.REVOKE, form, CERTIFICATES)
            .applicant()
            .getEmail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zhangsan",
        "zhangsan@localhost",
        "zhang san@example.cn",
        "a@b@example.cn",
        "@example.cn"
      })
  void malformedEmailAddressesAreRefused(String address) {
    ChangeApplicationForm form = revocation();
    form.setEmail(address);
    assertEquals(List.of("email field.email"), problems(ApplicationKind.REVOKE, form));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+86 (10) 1234-5678", "13800138000", "12345", ""})
  void telephoneNumbersAreAcceptedAndOptional(String phone) {
    ChangeApplicationForm form = revocation();
    form.setPhone(phone);
    assertEquals(
        phone.isEmpty() ? null : phone,
        ChangeApplicationEntry.check(ApplicationKind.REVOKE, form, CERTIFICATES)
            .applicant()
            .getPhone());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1234", "138-0013-800x", "ext. 12345", "123456789012345678901234567890123"})
  void malformedTelephoneNumbersAreRefused(String phone) {
    ChangeApplicationForm form = revocation();
    form.setPhone(phone);
    assertEquals(
        List.of("phone " + (phone.length() > 32 ? "field.tooLong" : "field.phone")),
        problems(ApplicationKind.REVOKE, form));
  }

  @Test
  void aCertificateThatIsNotValidIsRefusedOnTheSerialNumber() {
    IssuedCertificate revoked = target();
    revoked.revoke(T, RevocationReason.E_KEY_COMPROMISE, RevocationInitiator.HOLDER);

    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                ChangeApplicationEntry.check(
                    ApplicationKind.REVOKE, revocation(), serialNumber -> revoked));
    assertEquals("serialNumber", refused.problems().get(0).field());
    assertEquals("change.notValid", refused.problems().get(0).key());
  }
}
