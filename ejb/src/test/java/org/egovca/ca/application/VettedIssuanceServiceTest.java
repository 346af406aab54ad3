package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.auditEvents;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.csr;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.rsaCsr;
import static org.egovca.ca.application.CaServiceFixtures.sm2Csr;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link VettedIssuance} refuses of a vetted application, through the remote RA service that
 * calls it: the profile, the request (its encoding, its proof of possession, its key), the subject,
 * its subjectAltNames and holder identifiers. A refused request leaves no certificate and one
 * FAILURE audit event.
 */
@ExtendWith(ServiceTier.class)
class VettedIssuanceServiceTest {

  private static final KeyPair SM2 = TestKeys.sm2KeyPair();

  @Inject RemoteRaService service;

  @Test
  void aRefusedRequestLeavesNoCertificateAndOneFailureEvent() {
    String cn = unique("Refused ");
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=" + cn + ",C=cn", sm2Csr(SM2));

    refused(
        RefusalCode.INVALID_SUBJECT,
        "two-letter",
        () -> service.issueCertificate(demoRa(), request));

    assertEquals(0, certificatesNamed(cn));
    assertEquals(1, auditEvents(cn, AuditOutcome.FAILURE));
  }

  @Test
  void anUnknownProfileIsRefusedListingTheProfilesOfRemoteRas() {
    IssuanceRequest request = new IssuanceRequest("no-such-profile", "CN=x,C=CN", sm2Csr(SM2));

    refused(
        RefusalCode.UNKNOWN_PROFILE,
        "profiles available to remote RAs are ",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aProfileOfTheSystemsOwnCredentialsIsNotOfferedToRemoteRas() {
    IssuanceRequest request =
        new IssuanceRequest("tls-client", "CN=x,C=CN", rsaCsr(TestKeys.rsaKeyPair(1024)));

    refused(
        RefusalCode.UNKNOWN_PROFILE,
        "profile 'tls-client' is unknown",
        () -> service.issueCertificate(demoRa(), request));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                        | pkcs10 is empty",
        "this is not base64 !      | pkcs10 is neither PEM nor base64 DER",
        "AAECAwQ=                  | pkcs10 is not a",
      })
  void aRequestThatIsNoPkcs10IsRefusedAsMalformed(String pkcs10, String messagePart) {
    IssuanceRequest request = new IssuanceRequest("personal-sign", "CN=x,C=CN", pkcs10);

    refused(
        RefusalCode.MALFORMED_REQUEST,
        messagePart,
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aPemBlockOfAnotherTypeIsRefusedNamingIt() {
    String certificate = Pem.text("CERTIFICATE", CaServiceFixtures.der(sm2Csr(SM2)));
    IssuanceRequest request = new IssuanceRequest("personal-sign", "CN=x,C=CN", certificate);

    refused(
        RefusalCode.MALFORMED_REQUEST,
        "must be a CERTIFICATE REQUEST block, not CERTIFICATE",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aRequestLongerThanTheLimitIsRefused() {
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=x,C=CN", "A".repeat(64 * 1024 + 1));

    refused(
        RefusalCode.MALFORMED_REQUEST,
        "pkcs10 is longer than",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aRequestSignedWithAnotherKeyFailsProofOfPossession() {
    String tampered = csr(SM2, TestKeys.sm2KeyPair().getPrivate(), "SM3withSM2");
    IssuanceRequest request = new IssuanceRequest("personal-sign", "CN=x,C=CN", tampered);

    refused(
        RefusalCode.PROOF_OF_POSSESSION_FAILED,
        "proof of possession failed",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aKeyTheProfileDoesNotAcceptIsRefusedNamingWhatItAccepts() {
    String p256 = csr(TestKeys.ecKeyPair("secp256r1"), "SHA256withECDSA");
    IssuanceRequest request = new IssuanceRequest("personal-sign", "CN=x,C=CN", p256);

    String message =
        refused(
                RefusalCode.UNSUPPORTED_KEY,
                "is not accepted by profile personal-sign",
                () -> service.issueCertificate(demoRa(), request))
            .getMessage();
    assertTrue(message.contains("SM2"), message);
  }

  @Test
  void anRsaKeyOfAnUnsupportedSizeIsRefused() {
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=x,C=CN", rsaCsr(TestKeys.rsaKeyPair(1024)));

    refused(
        RefusalCode.UNSUPPORTED_KEY,
        "RSA 1024-bit key",
        () -> service.issueCertificate(demoRa(), request));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                      | subjectDn is empty",
        "O=Test,C=CN             | subjectDn has no CN",
        "CN=a+OU=b,C=CN          | multi-valued RDN",
        "CN=a,C=cn            | two-letter ISO 3166 country code",
        "CN=a,E=not-an-address   | E is not an e-mail address",
        "CN=a,DC=example         | subjectDn attribute",
        "CN=#0403616263          | must be text",
        "no distinguished name   | subjectDn is not a valid distinguished name",
      })
  void aSubjectTheProfileDoesNotAllowIsRefusedNamingTheProblem(String dn, String messagePart) {
    IssuanceRequest request = new IssuanceRequest("personal-sign", dn, sm2Csr(SM2));

    refused(
        RefusalCode.INVALID_SUBJECT,
        messagePart,
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aSubjectAttributeLongerThanItsLimitIsRefused() {
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=" + "a".repeat(65), sm2Csr(SM2));

    refused(
        RefusalCode.INVALID_SUBJECT,
        "CN is longer than 64 characters",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aSubjectWithControlCharactersIsRefused() {
    IssuanceRequest request = new IssuanceRequest("personal-sign", "CN=a\u0007b", sm2Csr(SM2));

    refused(
        RefusalCode.INVALID_SUBJECT,
        "contains control characters",
        () -> service.issueCertificate(demoRa(), request));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DNS:not a host        | is not a host name",
        "IP:999.1.1.1          | is not an IPv4 or IPv6 address",
        "EMAIL:nobody          | is not an e-mail address",
        "URI:http://example.cn | must start with DNS:, IP: or EMAIL:",
      })
  void aSubjectAltNameThatIsNoneIsRefusedNamingIt(String altName, String messagePart) {
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=x", sm2Csr(SM2), List.of(), List.of(altName));

    refused(
        RefusalCode.INVALID_SUBJECT,
        messagePart,
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aSubjectAltNameGivenTwiceIsRefused() {
    IssuanceRequest request =
        new IssuanceRequest(
            "personal-sign",
            "CN=x",
            sm2Csr(SM2),
            List.of(),
            List.of("EMAIL:a@example.cn", "EMAIL:a@example.cn"));

    refused(
        RefusalCode.INVALID_SUBJECT,
        "is given twice",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void moreSubjectAltNamesThanTheLimitAreRefused() {
    List<String> names =
        java.util.stream.IntStream.range(0, 101).mapToObj(i -> "EMAIL:a" + i + "@ex.cn").toList();
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=x", sm2Csr(SM2), List.of(), names);

    refused(
        RefusalCode.INVALID_SUBJECT,
        "at most 100 subjectAltNames",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aHolderCertificateNamingTheCasOwnHostIsRefused() {
    IssuanceRequest request =
        new IssuanceRequest(
            "device-ssl-sign", "CN=x", sm2Csr(SM2), List.of(), List.of("DNS:localhost"));

    refused(
        RefusalCode.INVALID_SUBJECT,
        "may not name this CA's own host (localhost)",
        () -> service.issueCertificate(demoRa(), request));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NO_SUCH_KIND      | 11010519491231002X | identifier kind 'NO_SUCH_KIND' is unknown",
        "ORGANISATION_CODE | M000100Y4          | does not write a ORGANISATION_CODE",
        "RESIDENT_ID_CARD  | 110105194912310021 | RESIDENT_ID_CARD",
      })
  void aHolderIdentifierTheProfileCannotWriteIsRefused(
      String kind, String value, String messagePart) {
    IssuanceRequest request =
        new IssuanceRequest(
            "personal-sign",
            "CN=x",
            sm2Csr(SM2),
            List.of(new RequestedIdentifier(kind, value)),
            List.of());

    refused(
        RefusalCode.INVALID_IDENTITY,
        messagePart,
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void aHolderIdentifierGivenTwiceIsRefused() {
    RequestedIdentifier id = new RequestedIdentifier("RESIDENT_ID_CARD", "11010519491231002X");
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=x", sm2Csr(SM2), List.of(id, id), List.of());

    refused(
        RefusalCode.INVALID_IDENTITY,
        "more than once",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void twoIdentityDocumentsAreRefusedByThe2012Edition() {
    IssuanceRequest request =
        new IssuanceRequest(
            "personal-sign",
            "CN=x",
            sm2Csr(SM2),
            List.of(
                new RequestedIdentifier("RESIDENT_ID_CARD", "11010519491231002X"),
                new RequestedIdentifier("PASSPORT", "E12345678")),
            List.of());

    refused(
        RefusalCode.INVALID_IDENTITY,
        "give one identity document",
        () -> service.issueCertificate(demoRa(), request));
  }

  @Test
  void anEmptyIdentifierElementIsRefusedAsMalformed() {
    refused(
        RefusalCode.MALFORMED_REQUEST,
        "an empty holderIdentifier element",
        () ->
            new IssuanceRequest(
                "personal-sign",
                "CN=x",
                sm2Csr(SM2),
                Arrays.asList((RequestedIdentifier) null),
                List.of()));
  }

  @Test
  void aDualRequestForAProfileWithoutEncryptionCounterpartIsRefused() {
    IssuanceRequest request = new IssuanceRequest("code-signing", "CN=x,O=Test", sm2Csr(SM2));

    refused(
        RefusalCode.UNKNOWN_PROFILE,
        "profile code-signing has no encryption counterpart",
        () -> service.issueDualCertificate(demoRa(), request));
  }

  @Test
  void aDualRequestWithAnRsaSigningKeyIsRefusedAndNothingIsWritten() {
    String cn = unique("Dual RSA ");
    IssuanceRequest request =
        new IssuanceRequest("personal-sign", "CN=" + cn, rsaCsr(TestKeys.rsaKeyPair(2048)));

    refused(
        RefusalCode.UNSUPPORTED_KEY,
        "a dual-certificate request needs an SM2 signing key",
        () -> service.issueDualCertificate(demoRa(), request));
    assertEquals(0, certificatesNamed(cn));
  }

  @Test
  void theSuccessPathIssuesUnderTheRequestedProfile() {
    String cn = unique("Issued ");

    CertificateView issued = service.issueCertificate(demoRa(), personal(cn, SM2));

    assertEquals("personal-sign", issued.profile());
    assertEquals(1, certificatesNamed(cn));
    assertEquals("SM2_256", issued.keyAlgorithm());
  }
}
