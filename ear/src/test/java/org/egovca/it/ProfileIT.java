package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every certificate type of CPS §6.1.2 through the deployed EAR: each profile issues a certificate
 * whose extensions and their criticality are those of GM/T 0015 Annex C and of the profile, which
 * OpenSSL verifies against its issuing CA; requests that break a profile are refused, naming the
 * rule, and leave nothing behind.
 */
@ExtendWith(DeployedEar.class)
class ProfileIT {

  private static final String SM2_USER_ID = "distid:1234567812345678";
  private static final boolean[] SIGNING_USAGE = {true, true, false, false, false};
  private static final boolean[] ENCRYPTION_USAGE = {false, false, true, true, true};

  @TempDir Path directory;

  /**
   * One profile under test: how to ask for it, and what its certificates must contain.
   *
   * @param altNames subjectAltName for the request ("" for none)
   * @param identityOids identity extension OIDs expected in the certificate
   * @param extendedKeyUsage EKU OID expected, or null
   */
  record Case(
      String profile,
      boolean dual,
      String subjectSuffix,
      String altNames,
      Map<String, String> identifiers,
      List<String> identityOids,
      String extendedKeyUsage) {
    @Override
    public String toString() {
      return profile;
    }
  }

  static List<Case> profiles() {
    return List.of(
        new Case(
            "personal-sign",
            true,
            ",OU=办公室,O=某市税务局,C=CN",
            "",
            Map.of("RESIDENT_ID_CARD", "11010519491231002X"),
            List.of("1.2.156.10260.4.1.1"),
            null),
        new Case(
            "personal-sign-2023",
            true,
            ",C=CN",
            "",
            Map.of("RESIDENT_ID_CARD", "11010519491231002X", "SOCIAL_INSURANCE", "1234567890"),
            List.of("1.2.156.10260.4.1.1.1", "1.2.156.10260.4.1.2"),
            null),
        new Case(
            "organisation-sign",
            true,
            ",O=某市税务局,C=CN",
            "",
            // RaService's kind of an organisation code keeps GM/T 0015's spelling
            Map.of("ORGANIZATION_CODE", "M000100Y4", "TAXATION", "91350100M000100Y43"),
            List.of("1.2.156.10260.4.1.4", "1.2.156.10260.4.1.5"),
            null),
        new Case(
            "organisation-sign-2023",
            true,
            ",O=某市税务局,C=CN",
            "",
            Map.of("UNIFIED_SOCIAL_CREDIT_CODE", "91350100M000100Y43"),
            List.of("1.2.156.10260.4.4"),
            null),
        new Case(
            "device-ssl-sign",
            true,
            ",O=某市政务云,C=CN",
            "DNS:www.example.gov.cn,IP:10.1.2.3",
            Map.of(),
            List.of(),
            "1.3.6.1.5.5.7.3.1"),
        new Case(
            "device-ipsec-sign",
            true,
            ",O=某市政务云,C=CN",
            "DNS:vpn.example.gov.cn",
            Map.of(),
            List.of(),
            "1.3.6.1.5.5.7.3.17"),
        new Case(
            "code-signing", false, ",O=某软件公司,C=CN", "", Map.of(), List.of(), "1.3.6.1.5.5.7.3.3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void eachProfileIssuesWhatGmt0015AndTheProfileDemand(Case profile, CaServer server)
      throws Exception {
    String name = profile.profile() + " " + UUID.randomUUID().toString().substring(0, 8);
    String subject = "CN=" + name + profile.subjectSuffix();
    String csr = TestRequests.sm2(directory, "holder");
    List<String> altNames =
        profile.altNames().isEmpty() ? List.of() : List.of(profile.altNames().split(","));
    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    List<byte[]> certificates = new ArrayList<>();
    if (profile.dual()) {
      RaSoapClient.Dual dual =
          ra.issueDualCertificate(profile.profile(), subject, csr, profile.identifiers(), altNames);
      assertNotNull(dual.signatureCertificate(), () -> "refused: " + dual.faultString());
      certificates.add(dual.signatureCertificate());
      certificates.add(dual.encryptionCertificate());
    } else {
      RaSoapClient.Answer answer =
          ra.issueCertificate(profile.profile(), subject, csr, profile.identifiers(), altNames);
      assertTrue(answer.issued(), () -> "refused: " + answer.faultString());
      certificates.add(answer.certificate());
    }
    for (int i = 0; i < certificates.size(); i++) {
      byte[] certificate = certificates.get(i);
      boolean signing = i == 0;
      hasTheProfilesExtensions(certificate, profile, signing);
      verifiesWithOpenSsl(server, certificate, profile);
      validatesWithPkix(server, certificate);
      BigInteger serial = new X509CertificateHolder(certificate).getSerialNumber();
      assertEquals(1, new Records(server).certificate(serial).profileVersion());
    }
  }

  private static void hasTheProfilesExtensions(byte[] encoded, Case profile, boolean signing)
      throws Exception {
    X509Certificate certificate = PkiHttpIT.parse(encoded).get(0);
    assertEquals(Set.of(Extension.keyUsage.getId()), certificate.getCriticalExtensionOIDs());
    boolean[] usage = java.util.Arrays.copyOf(certificate.getKeyUsage(), 5);
    assertTrue(
        java.util.Arrays.equals(signing ? SIGNING_USAGE : ENCRYPTION_USAGE, usage),
        profile + " key usage " + java.util.Arrays.toString(usage));
    assertEquals(
        profile.extendedKeyUsage() == null ? null : List.of(profile.extendedKeyUsage()),
        certificate.getExtendedKeyUsage(),
        profile + " EKU");
    Set<String> nonCritical = new HashSet<>(certificate.getNonCriticalExtensionOIDs());
    for (String oid : profile.identityOids()) {
      assertTrue(nonCritical.contains(oid), profile + " lacks identity extension " + oid);
    }
    assertEquals(-1, certificate.getBasicConstraints(), "an end-entity certificate");
    if (!profile.altNames().isEmpty()) {
      assertEquals(
          profile.altNames().split(",").length,
          certificate.getSubjectAlternativeNames().size(),
          profile + " subjectAltName");
    }
  }

  /** OpenSSL checks the end-entity link (distid applies to the target certificate only). */
  private void verifiesWithOpenSsl(CaServer server, byte[] certificate, Case profile)
      throws Exception {
    X509Certificate issuing = PkiHttpIT.parse(Files.readAllBytes(server.caChainPem())).get(0);
    Path issuingPem =
        Files.writeString(directory.resolve("issuing.pem"), pem(issuing.getEncoded()));
    Path eePem = Files.writeString(directory.resolve("ee.pem"), pem(certificate));
    String verified =
        Commands.ok(
            directory,
            "openssl",
            "verify",
            "-vfyopt",
            SM2_USER_ID,
            "-partial_chain",
            "-CAfile",
            issuingPem.toString(),
            eePem.toString());
    assertTrue(verified.contains(": OK"), verified);
    String text =
        Commands.ok(directory, "openssl", "x509", "-in", eePem.toString(), "-noout", "-text");
    assertTrue(text.contains("X509v3 Key Usage: critical"), text);
    if (profile.altNames().contains("IP:")) {
      assertTrue(text.contains("DNS:www.example.gov.cn, IP Address:10.1.2.3"), text);
    }
  }

  private static void validatesWithPkix(CaServer server, byte[] certificate) throws Exception {
    List<X509Certificate> chain = PkiHttpIT.parse(Files.readAllBytes(server.caChainPem()));
    CertificateFactory factory = CertificateFactory.getInstance("X.509", "BC");
    CertPath path =
        factory.generateCertPath(List.of(PkiHttpIT.parse(certificate).get(0), chain.get(0)));
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.get(1), null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX", "BC").validate(path, parameters);
  }

  @Test
  void legacyProfileAloneAcceptsRsa1024(CaServer server) throws Exception {
    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    String csr = TestRequests.rsa(directory, "old-vpn", 1024);
    String subject = "CN=old-vpn-" + UUID.randomUUID().toString().substring(0, 8) + ",C=CN";

    RaSoapClient.Answer refused = ra.issueCertificate("device-ipsec-sign", subject, csr);
    assertEquals("UNSUPPORTED_KEY", refused.faultCode());
    assertTrue(refused.faultString().contains("RSA 1024"), refused.faultString());

    RaSoapClient.Answer issued = ra.issueCertificate("legacy-device-ipsec-sign", subject, csr);
    assertTrue(issued.issued(), () -> "refused: " + issued.faultString());
    Path ee = Files.writeString(directory.resolve("legacy.pem"), pem(issued.certificate()));
    String verified =
        Commands.ok(
            directory,
            "openssl",
            "verify",
            "-partial_chain",
            "-CAfile",
            server.dataDirectory().resolve("tls-ca.pem").toString(),
            ee.toString());
    assertTrue(verified.contains(": OK"), verified);
  }

  @Test
  void requestsThatBreakTheProfileAreRefusedNamingTheRuleAndWriteNothing(CaServer server)
      throws Exception {
    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String csr = TestRequests.sm2(directory, "refused");

    RaSoapClient.Answer noIdentifier =
        ra.issueCertificate("organisation-sign", "CN=Org " + marker + ",O=Org,C=CN", csr);
    assertEquals("PROFILE_VIOLATION", noIdentifier.faultCode());
    assertTrue(
        noIdentifier.faultString().contains("organisation-sign v1")
            && noIdentifier.faultString().contains("IDENTITY_REQUIRED"),
        noIdentifier.faultString());

    RaSoapClient.Answer noHostName =
        ra.issueCertificate("device-ssl-sign", "CN=www " + marker + ",C=CN", csr);
    assertEquals("PROFILE_VIOLATION", noHostName.faultCode());
    assertTrue(noHostName.faultString().contains("SUBJECT_ALT_NAME"), noHostName.faultString());

    RaSoapClient.Answer badIdNumber =
        ra.issueCertificate(
            "personal-sign",
            "CN=Person " + marker,
            csr,
            Map.of("RESIDENT_ID_CARD", "110105194912310021"));
    assertEquals("INVALID_IDENTITY", badIdNumber.faultCode());
    assertTrue(
        badIdNumber.faultString().contains("wrong check character"), badIdNumber.faultString());

    RaSoapClient.Answer foreignIdentifier =
        ra.issueCertificate(
            "personal-sign",
            "CN=Person " + marker,
            csr,
            Map.of("UNIFIED_SOCIAL_CREDIT_CODE", "91350100M000100Y43"));
    assertEquals("INVALID_IDENTITY", foreignIdentifier.faultCode());

    Records records = new Records(server);
    assertEquals(0, records.certificatesWhoseSubjectContains(marker));
    assertEquals(0, records.audit().outcome("SUCCESS").targetLike("%" + marker + "%").count());
  }

  @Test
  void onlyTheSubjectAltNamesTheRaVettedAreIssued(CaServer server) throws Exception {
    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    String marker = UUID.randomUUID().toString().substring(0, 8);
    // The holder asks for a name in the PKCS#10; like the PKCS#10 subject, it is ignored.
    String csr = TestRequests.sm2WithSubjectAltName(directory, "greedy", "DNS:bank.example.com");
    RaSoapClient.Answer issued =
        ra.issueCertificate(
            "device-ssl-sign",
            "CN=www " + marker + ",C=CN",
            csr,
            Map.of(),
            List.of("DNS:www." + marker + ".gov.cn"));
    assertTrue(issued.issued(), () -> "refused: " + issued.faultString());
    assertEquals(
        List.of(List.of(2, "www." + marker + ".gov.cn")),
        new ArrayList<>(PkiHttpIT.parse(issued.certificate()).get(0).getSubjectAlternativeNames()));

    RaSoapClient.Answer wildcard =
        ra.issueCertificate(
            "device-ssl-sign",
            "CN=star " + marker + ",C=CN",
            csr,
            Map.of(),
            List.of("DNS:*.example.gov.cn"));
    assertEquals("INVALID_SUBJECT", wildcard.faultCode());
    assertTrue(wildcard.faultString().contains("no wildcard"), wildcard.faultString());
  }

  @Test
  void raSeesEveryRequestableProfileWithItsVersion(CaServer server) throws Exception {
    List<String> profiles =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase()).listProfiles();

    assertTrue(profiles.contains("personal-sign v1"), profiles.toString());
    assertTrue(profiles.contains("organisation-sign-2023 v1"), profiles.toString());
    assertTrue(profiles.contains("device-ssl-sign v1"), profiles.toString());
    assertTrue(profiles.contains("legacy-device-ipsec-sign v1"), profiles.toString());
    assertEquals(8, profiles.size(), profiles.toString());
    assertFalse(profiles.stream().anyMatch(p -> p.startsWith("tls-") || p.startsWith("ca ")));
  }

  private static String pem(byte[] der) {
    return OpenSslSm2.pem(der);
  }
}
