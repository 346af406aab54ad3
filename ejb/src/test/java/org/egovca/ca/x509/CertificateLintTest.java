package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.HolderIdentifier;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateLintTest {

  @TempDir static Path tokenDirectory;

  private static CertificateAssembler assembler;
  private static IssuingCa ca;
  private static Instant notBefore;

  @BeforeAll
  static void ca() {
    SoftwareCryptoToken token =
        SoftwareCryptoToken.initialize("t", tokenDirectory, "pin".toCharArray());
    SubjectPublicKeyInfo key =
        SubjectPublicKeyInfo.getInstance(
            token.generateKeyPair("ca", KeyAlgorithm.SM2_256).getEncoded());
    assembler =
        new CertificateAssembler(
            token,
            PkiUrls.of("http://ca.example/pki"),
            "1.2.156.1.2.3",
            new DirectoryUrls("ldap://ldap.example", "o=iFutureCA,c=CN"));
    notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X509CertificateHolder certificate =
        assembler.rootCa(
            SubjectNames.parse("CN=Lint CA,C=CN", TestProfiles.named("ca")),
            "ca",
            KeyAlgorithm.SM2_256,
            key,
            notBefore,
            notBefore.plus(Duration.ofDays(3650)));
    ca = new IssuingCa("lint-ca", certificate, "ca", KeyAlgorithm.SM2_256);
  }

  private static X509CertificateHolder issue(CertificateProfile profile, EndEntityContent content) {
    return assembler.endEntity(
        ca,
        profile,
        content,
        SerialNumberGenerator.next(),
        notBefore,
        notBefore.plus(profile.validity()));
  }

  private static EndEntityContent holder(
      String dn,
      CertificateProfile profile,
      SubjectPublicKeyInfo key,
      List<GeneralName> altNames,
      List<HolderIdentifier> identifiers) {
    return new EndEntityContent(SubjectNames.parse(dn, profile), key, altNames, identifiers);
  }

  private static SubjectPublicKeyInfo sm2Key() {
    return TestKeys.spki(TestKeys.sm2KeyPair().getPublic());
  }

  private static String refusal(CertificateProfile profile, EndEntityContent content) {
    Refusal e = assertThrows(Refusal.class, () -> issue(profile, content));
    assertEquals(RefusalCode.PROFILE_VIOLATION, e.code());
    return e.getMessage();
  }

  @Test
  void rsa1024KeyIsRefusedUnlessTheProfileIsFlaggedLegacy() {
    SubjectPublicKeyInfo rsa1024 = TestKeys.spki(TestKeys.rsaKeyPair(1024).getPublic());
    CertificateProfile personal = TestProfiles.named("personal-sign");
    String message =
        refusal(personal, holder("CN=Old Key", personal, rsa1024, List.of(), List.of()));
    assertTrue(message.contains("personal-sign v1"), message);
    assertTrue(message.contains("KEY_ALGORITHM"), message);
    assertTrue(message.contains("RSA 1024"), message);

    CertificateProfile legacy = TestProfiles.named("legacy-device-ipsec-sign");
    issue(legacy, holder("CN=vpn-1", legacy, rsa1024, List.of(), List.of()));
  }

  @Test
  void sslServerCertificateWithoutHostNameIsRefused() {
    CertificateProfile ssl = TestProfiles.named("device-ssl-sign");
    String message = refusal(ssl, holder("CN=www", ssl, sm2Key(), List.of(), List.of()));
    assertTrue(message.contains("SUBJECT_ALT_NAME"), message);
  }

  @Test
  void altNameOfAFormTheProfileDoesNotAllowIsRefused() {
    CertificateProfile ssl = TestProfiles.named("device-ssl-sign");
    List<GeneralName> email = List.of(new GeneralName(GeneralName.rfc822Name, "a@example.cn"));
    String message = refusal(ssl, holder("CN=www", ssl, sm2Key(), email, List.of()));
    assertTrue(message.contains("SUBJECT_ALT_NAME"), message);
  }

  @Test
  void organisationCertificateWithoutOrganisationIdentifierIsRefused() {
    CertificateProfile organisation = TestProfiles.named("organisation-sign");
    String message =
        refusal(
            organisation,
            holder(
                "CN=Tax Office,O=Tax Office,C=CN", organisation, sm2Key(), List.of(), List.of()));
    assertTrue(message.contains("IDENTITY_REQUIRED"), message);
  }

  @Test
  void identifierTheProfileDoesNotWriteIsCaughtByTheLint() {
    CertificateProfile personal = TestProfiles.named("personal-sign");
    // A 2012 profile asked to write the 2023-only unified social credit code.
    CertificateProfile changed =
        TestProfiles.changed(
            "personal-sign",
            Map.of(
                "identity.edition", "GMT0015_2023",
                "identity.allowed", "UNIFIED_SOCIAL_CREDIT_CODE"));
    EndEntityContent content =
        holder(
            "CN=Zhang San",
            personal,
            sm2Key(),
            List.of(),
            List.of(
                new HolderIdentifier(
                    IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE, "91350100M000100Y43")));
    X509CertificateHolder certificate = issue(changed, content);
    List<LintViolation> violations =
        CertificateLint.check(
            certificate.toASN1Structure().getTBSCertificate(), personal, ca.certificate());
    assertEquals(List.of(LintRule.IDENTITY_NOT_ALLOWED), rules(violations));
  }

  @Test
  void ocspResponderCertificateCarriesNoCheckWhichNoOtherProfileMay() {
    CertificateProfile responder = TestProfiles.named("ocsp-signer");
    X509CertificateHolder certificate =
        issue(
            responder,
            holder("CN=Lint CA OCSP Responder,C=CN", responder, sm2Key(), List.of(), List.of()));
    Extension noCheck =
        certificate.getExtension(
            org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nocheck);
    assertTrue(noCheck != null && !noCheck.isCritical());

    CertificateProfile personal = personal();
    assertEquals(
        List.of(LintRule.EXTENDED_KEY_USAGE, LintRule.EXTENSION_SET, LintRule.KEY_USAGE),
        rules(
                CertificateLint.check(
                    certificate.toASN1Structure().getTBSCertificate(), personal, ca.certificate()))
            .stream()
            .sorted(java.util.Comparator.comparing(Enum::name))
            .toList());
  }

  @Test
  void wellFormedCertificateHasNoViolation() {
    assertEquals(List.of(), CertificateLint.check(goodTbs(), personal(), ca.certificate()));
  }

  @Test
  void rdnsOutOfOrderAreAViolation() {
    X500Name reversed =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, "Zhang San")
            .addRDN(BCStyle.C, "CN")
            .build();
    assertEquals(List.of(LintRule.SUBJECT_RDN_ORDER), violations(g -> g.setSubject(reversed)));
  }

  @Test
  void countryAsUtf8StringIsAViolation() {
    X500Name utf8Country =
        new X500Name(
            new org.bouncycastle.asn1.x500.RDN[] {
              new org.bouncycastle.asn1.x500.RDN(BCStyle.C, new DERUTF8String("CN")),
              new org.bouncycastle.asn1.x500.RDN(BCStyle.CN, new DERUTF8String("Zhang San"))
            });
    assertEquals(List.of(LintRule.SUBJECT_STRING_TYPE), violations(g -> g.setSubject(utf8Country)));
  }

  @Test
  void missingRequiredAttributeAndForeignIssuerAreViolations() {
    X500Name noCn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").build();
    assertEquals(List.of(LintRule.SUBJECT_REQUIRED_ATTRIBUTE), violations(g -> g.setSubject(noCn)));
    X500Name other = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Other CA").build();
    assertEquals(List.of(LintRule.ISSUER_NAME), violations(g -> g.setIssuer(other)));
  }

  @Test
  void shortSerialAndTooLongValidityAreViolations() {
    assertEquals(
        List.of(LintRule.SERIAL_NUMBER),
        violations(g -> g.setSerialNumber(new ASN1Integer(BigInteger.valueOf(42)))));
    assertEquals(
        List.of(LintRule.VALIDITY_PROFILE),
        violations(g -> g.setEndDate(new Time(Date.from(notBefore.plus(Duration.ofDays(400)))))));
  }

  @Test
  void extensionsAreCheckedForCriticalityKeyUsageAndUnexpectedOnes() {
    assertEquals(
        List.of(LintRule.EXTENSION_CRITICALITY),
        withExtensions(
            extensions -> replaced(extensions, Extension.certificatePolicies, true, null)));
    assertEquals(
        List.of(LintRule.KEY_USAGE),
        withExtensions(extensions -> replaced(extensions, Extension.keyUsage, false, null)));
    assertEquals(
        List.of(LintRule.BASIC_CONSTRAINTS),
        withExtensions(
            extensions ->
                added(
                    extensions,
                    new Extension(
                        Extension.basicConstraints, false, encoded(new BasicConstraints(true))))));
    assertEquals(
        List.of(LintRule.EXTENSION_SET),
        withExtensions(
            extensions ->
                added(
                    extensions,
                    new Extension(
                        new ASN1ObjectIdentifier("1.2.3.4"), false, encoded(new ASN1Integer(1))))));
    assertEquals(
        List.of(LintRule.KEY_IDENTIFIERS),
        withExtensions(
            extensions -> replaced(extensions, Extension.subjectKeyIdentifier, false, "drop")));
  }

  private static CertificateProfile personal() {
    return TestProfiles.named("personal-sign");
  }

  private static TBSCertificate goodTbs() {
    CertificateProfile personal = personal();
    return issue(personal, holder("CN=Zhang San,C=CN", personal, sm2Key(), List.of(), List.of()))
        .toASN1Structure()
        .getTBSCertificate();
  }

  private static List<LintRule> violations(Consumer<V3TBSCertificateGenerator> change) {
    TBSCertificate tbs = goodTbs();
    V3TBSCertificateGenerator generator = copy(tbs);
    change.accept(generator);
    return rules(
        CertificateLint.check(generator.generateTBSCertificate(), personal(), ca.certificate()));
  }

  private static List<LintRule> withExtensions(UnaryOperator<List<Extension>> change) {
    TBSCertificate tbs = goodTbs();
    List<Extension> list = new ArrayList<>();
    for (ASN1ObjectIdentifier oid : tbs.getExtensions().getExtensionOIDs()) {
      list.add(tbs.getExtensions().getExtension(oid));
    }
    V3TBSCertificateGenerator generator = copy(tbs);
    generator.setExtensions(new Extensions(change.apply(list).toArray(Extension[]::new)));
    return rules(
        CertificateLint.check(generator.generateTBSCertificate(), personal(), ca.certificate()));
  }

  private static List<Extension> replaced(
      List<Extension> extensions, ASN1ObjectIdentifier oid, boolean critical, String drop) {
    List<Extension> result = new ArrayList<>();
    for (Extension extension : extensions) {
      if (!extension.getExtnId().equals(oid)) {
        result.add(extension);
      } else if (drop == null) {
        result.add(new Extension(oid, critical, extension.getExtnValue()));
      }
    }
    return result;
  }

  private static List<Extension> added(List<Extension> extensions, Extension extra) {
    List<Extension> result = new ArrayList<>(extensions);
    result.add(extra);
    return result;
  }

  private static byte[] encoded(org.bouncycastle.asn1.ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded("DER");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static V3TBSCertificateGenerator copy(TBSCertificate tbs) {
    V3TBSCertificateGenerator generator = new V3TBSCertificateGenerator();
    generator.setSerialNumber(tbs.getSerialNumber());
    generator.setSignature(tbs.getSignature());
    generator.setIssuer(tbs.getIssuer());
    generator.setStartDate(tbs.getStartDate());
    generator.setEndDate(tbs.getEndDate());
    generator.setSubject(tbs.getSubject());
    generator.setSubjectPublicKeyInfo(tbs.getSubjectPublicKeyInfo());
    generator.setExtensions(tbs.getExtensions());
    return generator;
  }

  private static List<LintRule> rules(List<LintViolation> violations) {
    return violations.stream().map(LintViolation::rule).toList();
  }
}
