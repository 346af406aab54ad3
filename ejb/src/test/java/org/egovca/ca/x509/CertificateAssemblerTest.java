package org.egovca.ca.x509;

import static org.egovca.ca.testing.OpenSslCommand.SM2_DIST_ID;
import static org.egovca.ca.testing.TestKeys.BC;
import static org.egovca.ca.testing.TestKeys.spki;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates checked against GM/T 0015 Annex C tables C.1 (root), C.2 (subordinate), C.3. */
class CertificateAssemblerTest {

  private static final String POLICY = "2.25.1234";
  private static final String ROOT_NAME = "eGov-Root";
  private static final String ISSUING_NAME = "iFutureCA Issuing";
  private static final String RSA_CA_NAME = "eGov-RSA";
  private static final ASN1ObjectIdentifier CA_REPOSITORY =
      new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.5");

  /** RFC 5280 KeyUsage bit positions as {@link X509Certificate#getKeyUsage()} reports them. */
  private static final int DIGITAL_SIGNATURE = 0;

  private static final int NON_REPUDIATION = 1;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  @TempDir static Path tokenDirectory;

  private static SoftwareCryptoToken token;
  private static CertificateAssembler assembler;
  private static CertificateProfile personalSign;

  private static Instant notBefore;
  private static Instant eeNotAfter;
  private static BigInteger eeSerial;
  private static SubjectPublicKeyInfo holderKey;
  private static X500Name eeSubject;

  private static X509CertificateHolder root;
  private static X509CertificateHolder issuing;
  private static X509CertificateHolder endEntity;
  private static IssuingCa rootIssuer;
  private static IssuingCa issuingIssuer;
  private static IssuingCa rsaIssuer;

  @BeforeAll
  static void hierarchy() {
    token = SoftwareCryptoToken.initialize("t", tokenDirectory, "pin".toCharArray());
    token.generateKeyPair("root", KeyAlgorithm.SM2_256);
    token.generateKeyPair("issuing", KeyAlgorithm.SM2_256);
    token.generateKeyPair("rsa-ca", KeyAlgorithm.RSA_2048);
    assembler =
        new CertificateAssembler(
            token,
            PkiUrls.of("http://ca.example/pki"),
            POLICY,
            new DirectoryUrls("ldap://ldap.example", "o=iFutureCA,c=CN"));
    CertificateProfile caProfile = TestProfiles.named(CertificateProfiles.CA);
    personalSign = TestProfiles.named(CertificateProfiles.PERSONAL_SIGN);

    notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    root =
        assembler.rootCa(
            SubjectNames.parse("CN=eGov Root CA,C=CN", caProfile),
            "root",
            KeyAlgorithm.SM2_256,
            tokenKey("root"),
            notBefore,
            notBefore.plus(Duration.ofDays(3650)));
    rootIssuer = new IssuingCa(ROOT_NAME, root, "root", KeyAlgorithm.SM2_256);
    issuing =
        assembler.subordinateCa(
            rootIssuer,
            SubjectNames.parse("CN=iFutureCA Issuing CA,C=CN", caProfile),
            tokenKey("issuing"),
            notBefore,
            notBefore.plus(Duration.ofDays(1825)));
    issuingIssuer = new IssuingCa(ISSUING_NAME, issuing, "issuing", KeyAlgorithm.SM2_256);

    eeNotAfter = notBefore.plus(personalSign.validity());
    eeSerial = SerialNumberGenerator.next();
    holderKey = spki(TestKeys.sm2KeyPair().getPublic());
    eeSubject = SubjectNames.parse("CN=张三,O=Example,C=CN", personalSign);
    endEntity =
        assembler.endEntity(
            issuingIssuer,
            personalSign,
            EndEntityContent.of(eeSubject, holderKey),
            eeSerial,
            notBefore,
            eeNotAfter);

    X509CertificateHolder rsaCa =
        assembler.rootCa(
            SubjectNames.parse("CN=eGov RSA CA,C=CN", caProfile),
            "rsa-ca",
            KeyAlgorithm.RSA_2048,
            tokenKey("rsa-ca"),
            notBefore,
            notBefore.plus(Duration.ofDays(3650)));
    rsaIssuer = new IssuingCa(RSA_CA_NAME, rsaCa, "rsa-ca", KeyAlgorithm.RSA_2048);
  }

  private static SubjectPublicKeyInfo tokenKey(String alias) {
    return spki(token.publicKey(alias));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static X509Certificate bcCertificate(X509CertificateHolder holder) throws Exception {
    return x509Certificate(CertificateFactory.getInstance("X.509", BC), holder);
  }

  private static X509Certificate x509Certificate(
      CertificateFactory factory, X509CertificateHolder holder) throws Exception {
    return (X509Certificate)
        factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
  }

  private static Set<Integer> keyUsageBits(X509CertificateHolder holder) throws Exception {
    boolean[] bits = bcCertificate(holder).getKeyUsage();
    Set<Integer> set = new TreeSet<>();
    for (int i = 0; bits != null && i < bits.length; i++) {
      if (bits[i]) {
        set.add(i);
      }
    }
    return set;
  }

  private static Set<ASN1ObjectIdentifier> extensionOids(X509CertificateHolder holder) {
    return new HashSet<>(holder.getExtensionOIDs());
  }

  private static Set<ASN1ObjectIdentifier> criticalOids(X509CertificateHolder holder) {
    return new HashSet<>(holder.getCriticalExtensionOIDs());
  }

  private static byte[] sha1OfPublicKey(SubjectPublicKeyInfo key) throws Exception {
    return MessageDigest.getInstance("SHA-1").digest(key.getPublicKeyData().getBytes());
  }

  private static byte[] ski(X509CertificateHolder holder) {
    return SubjectKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier();
  }

  /** The extension, after checking that it is present and non-critical. */
  private static Extension nonCriticalExtension(
      X509CertificateHolder certificate, ASN1ObjectIdentifier oid, String name) {
    Extension extension = certificate.getExtension(oid);
    assertNotNull(extension, name + " present");
    assertFalse(extension.isCritical(), name + " non-critical");
    return extension;
  }

  private static void assertCriticalKeyUsage(X509CertificateHolder certificate, Integer... bits)
      throws Exception {
    assertTrue(certificate.getExtension(Extension.keyUsage).isCritical(), "keyUsage critical");
    assertEquals(Set.of(bits), keyUsageBits(certificate));
  }

  private static void assertAkiIsKeyIdentifierOnly(
      X509CertificateHolder certificate, X509CertificateHolder issuer) {
    Extension extension =
        nonCriticalExtension(certificate, Extension.authorityKeyIdentifier, "AKI");
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(extension.getParsedValue());
    assertArrayEquals(ski(issuer), aki.getKeyIdentifier(), "AKI keyIdentifier = issuer SKI");
    assertNull(aki.getAuthorityCertIssuer(), "no authorityCertIssuer");
    assertNull(aki.getAuthorityCertSerialNumber(), "no authorityCertSerialNumber");
  }

  private static void assertSkiIsSha1OfKey(X509CertificateHolder certificate) throws Exception {
    nonCriticalExtension(certificate, Extension.subjectKeyIdentifier, "SKI");
    assertArrayEquals(sha1OfPublicKey(certificate.getSubjectPublicKeyInfo()), ski(certificate));
  }

  private static String onlyUri(GeneralNames names) {
    GeneralName[] all = names.getNames();
    assertEquals(1, all.length);
    assertEquals(GeneralName.uniformResourceIdentifier, all[0].getTagNo());
    return ((ASN1String) all[0].getName()).getString();
  }

  private static void assertIssuerReferences(X509CertificateHolder certificate, String issuerName)
      throws Exception {
    String encodedName = issuerName.replace(" ", "%20");

    Extension policiesExtension =
        nonCriticalExtension(certificate, Extension.certificatePolicies, "certificatePolicies");
    PolicyInformation[] policies =
        CertificatePolicies.getInstance(policiesExtension.getParsedValue()).getPolicyInformation();
    assertEquals(1, policies.length);
    assertEquals(POLICY, policies[0].getPolicyIdentifier().getId());
    assertNull(policies[0].getPolicyQualifiers(), "no policy qualifiers (GM/T 0015 C.2)");

    Extension crlExtension =
        nonCriticalExtension(certificate, Extension.cRLDistributionPoints, "CRL DP");
    DistributionPoint[] points =
        CRLDistPoint.getInstance(crlExtension.getParsedValue()).getDistributionPoints();
    assertEquals(1, points.length);
    assertEquals(DistributionPointName.FULL_NAME, points[0].getDistributionPoint().getType());
    assertEquals(
        "http://ca.example/pki/crl/" + encodedName + ".crl",
        onlyUri((GeneralNames) points[0].getDistributionPoint().getName()));

    Extension aiaExtension =
        nonCriticalExtension(certificate, Extension.authorityInfoAccess, "AIA");
    AccessDescription[] aia =
        AuthorityInformationAccess.getInstance(aiaExtension.getParsedValue())
            .getAccessDescriptions();
    assertEquals(2, aia.length);
    assertEquals(AccessDescription.id_ad_ocsp, aia[0].getAccessMethod());
    assertEquals(
        "http://ca.example/pki/ocsp", onlyUri(new GeneralNames(aia[0].getAccessLocation())));
    assertEquals(AccessDescription.id_ad_caIssuers, aia[1].getAccessMethod());
    assertEquals(
        "http://ca.example/pki/ca/" + encodedName + ".crt",
        onlyUri(new GeneralNames(aia[1].getAccessLocation())));
  }

  private static String caRepositoryUri(X509CertificateHolder certificate) {
    Extension extension =
        nonCriticalExtension(certificate, Extension.subjectInfoAccess, "subjectInfoAccess");
    AccessDescription[] sia =
        AuthorityInformationAccess.getInstance(extension.getParsedValue()).getAccessDescriptions();
    assertEquals(1, sia.length);
    assertEquals(CA_REPOSITORY, sia[0].getAccessMethod());
    return onlyUri(new GeneralNames(sia[0].getAccessLocation()));
  }

  private static void assertSm3WithSm2WithAbsentParameters(X509CertificateHolder certificate)
      throws Exception {
    assertEquals(
        GMObjectIdentifiers.sm2sign_with_sm3, certificate.getSignatureAlgorithm().getAlgorithm());
    assertEquals("1.2.156.10197.1.501", certificate.getSignatureAlgorithm().getAlgorithm().getId());
    assertNull(certificate.getSignatureAlgorithm().getParameters(), "parameters absent");
    // SEQUENCE { OID } only: 30 0a 06 08 2a 81 1c cf 55 01 83 75, no NULL.
    assertEquals(12, certificate.getSignatureAlgorithm().getEncoded().length);
    assertEquals(
        certificate.getSignatureAlgorithm(),
        certificate.toASN1Structure().getTBSCertificate().getSignature(),
        "tbsCertificate.signature equals signatureAlgorithm");
  }

  private static void assertSerialIsRandomSized(BigInteger serial) {
    assertEquals(1, serial.signum(), "serial positive");
    assertTrue(serial.bitLength() >= 64, "serial has at least 64 bits");
    assertTrue(serial.toByteArray().length <= 20, "serial at most 20 octets");
  }

  private static void assertSignedBy(X509CertificateHolder certificate, X509CertificateHolder ca)
      throws Exception {
    assertTrue(
        certificate.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(BC).build(ca)));
    bcCertificate(certificate).verify(bcCertificate(ca).getPublicKey(), BC);
  }

  /**
   * Version 3, issuer name equal to the issuer's subject byte for byte, SM3withSM2 by the issuer's
   * key, a random serial, and the public key of token alias {@code keyAlias}.
   */
  private static void assertCaCertificateIssuedBy(
      X509CertificateHolder certificate, X509CertificateHolder issuer, String keyAlias)
      throws Exception {
    assertEquals(3, certificate.getVersionNumber());
    assertArrayEquals(
        issuer.toASN1Structure().getSubject().getEncoded(),
        certificate.toASN1Structure().getIssuer().getEncoded(),
        "issuer = issuer's subject, byte for byte");
    assertSm3WithSm2WithAbsentParameters(certificate);
    assertSignedBy(certificate, issuer);
    assertSerialIsRandomSized(certificate.getSerialNumber());
    assertEquals(tokenKey(keyAlias), certificate.getSubjectPublicKeyInfo());
  }

  /** A personal signature certificate from {@code issuer}, with a new serial and no altNames. */
  private static X509CertificateHolder personalSignCertificate(
      IssuingCa issuer, X500Name subject, SubjectPublicKeyInfo key, Instant from, Instant to) {
    return assembler.endEntity(
        issuer,
        personalSign,
        EndEntityContent.of(subject, key),
        SerialNumberGenerator.next(),
        from,
        to);
  }

  /** A personal signature certificate for a new RSA-2048 key, from the RSA CA. */
  private static X509CertificateHolder rsaPersonalSignCertificate() {
    return personalSignCertificate(
        rsaIssuer,
        SubjectNames.parse("CN=Li Si,C=CN", personalSign),
        spki(TestKeys.rsaKeyPair(2048).getPublic()),
        notBefore,
        eeNotAfter);
  }

  /** PKIX parameters that trust the root CA, without revocation checking. */
  private static PKIXParameters trustingTheRoot() throws Exception {
    PKIXParameters parameters =
        new PKIXParameters(Set.of(new TrustAnchor(bcCertificate(root), null)));
    parameters.setRevocationEnabled(false);
    return parameters;
  }

  /** Validates end entity -> issuing CA with BouncyCastle's PKIX implementation. */
  private static PKIXCertPathValidatorResult validateEndEntityChain(PKIXParameters parameters)
      throws Exception {
    CertPath path =
        CertificateFactory.getInstance("X.509", BC)
            .generateCertPath(List.of(bcCertificate(endEntity), bcCertificate(issuing)));
    return (PKIXCertPathValidatorResult)
        CertPathValidator.getInstance("PKIX", BC).validate(path, parameters);
  }

  /**
   * Has {@code openssl verify} check {@code certificate} (written to certificate.pem) against
   * {@code ca} (ca.pem), with the extra {@code options} before {@code -CAfile}; returns its output.
   */
  private static String verifyWithOpenSsl(
      Path dir, X509CertificateHolder ca, X509CertificateHolder certificate, String... options) {
    Pem.writeCertificate(dir.resolve("ca.pem"), ca);
    Pem.writeCertificate(dir.resolve("certificate.pem"), certificate);
    List<String> args = new ArrayList<>();
    args.add("verify");
    args.addAll(List.of(options));
    args.addAll(List.of("-CAfile", "ca.pem", "certificate.pem"));
    return OpenSslCommand.run(dir, args.toArray(String[]::new));
  }

  // ---- C.1 root CA ---------------------------------------------------------------------------

  @Test
  void rootIsSelfSignedVersion3WithSm3WithSm2() throws Exception {
    assertCaCertificateIssuedBy(root, root, "root");
  }

  @Test
  void rootCarriesExactlyTheExtensionsOfTableC1() throws Exception {
    assertEquals(
        Set.of(
            Extension.subjectKeyIdentifier,
            Extension.basicConstraints,
            Extension.keyUsage,
            Extension.subjectInfoAccess),
        extensionOids(root));
    assertEquals(Set.of(Extension.basicConstraints, Extension.keyUsage), criticalOids(root));
    assertSkiIsSha1OfKey(root);
  }

  @Test
  void rootBasicConstraintsIsCriticalCaWithoutPathLength() {
    assertTrue(root.getExtension(Extension.basicConstraints).isCritical());
    BasicConstraints constraints = BasicConstraints.fromExtensions(root.getExtensions());
    assertTrue(constraints.isCA());
    assertNull(constraints.getPathLenConstraint());
  }

  @Test
  void rootKeyUsageIsCriticalWithOnlyKeyCertSignAndCrlSign() throws Exception {
    assertCriticalKeyUsage(root, KEY_CERT_SIGN, CRL_SIGN);
  }

  @Test
  void rootSubjectInfoAccessPointsAtItsDirectoryEntry() {
    assertTrue(
        caRepositoryUri(root)
            .matches("ldap://ldap\\.example/(?i:cn)=eGov%20Root%20CA,o=iFutureCA,c=CN"),
        caRepositoryUri(root));
  }

  @Test
  void caRepositoryUriOfAChineseCaNameIsPercentEncodedUtf8() {
    X509CertificateHolder chineseRoot =
        assembler.rootCa(
            SubjectNames.parse("CN=国家电子政务根CA,C=CN", TestProfiles.named(CertificateProfiles.CA)),
            "root",
            KeyAlgorithm.SM2_256,
            tokenKey("root"),
            notBefore,
            notBefore.plus(Duration.ofDays(1)));

    String uri = caRepositoryUri(chineseRoot);
    assertTrue(uri.chars().allMatch(c -> c > 0x20 && c < 0x7f), uri);
    assertEquals(
        "ldap://ldap.example/CN=国家电子政务根CA,o=iFutureCA,c=CN",
        URLDecoder.decode(uri, StandardCharsets.UTF_8));
  }

  // ---- C.2 subordinate CA --------------------------------------------------------------------

  @Test
  void subordinateIssuerIsTheRootSubjectByteForByte() throws Exception {
    assertCaCertificateIssuedBy(issuing, root, "issuing");
  }

  @Test
  void subordinateCarriesExactlyTheExtensionsOfTableC2() throws Exception {
    assertEquals(
        Set.of(
            Extension.authorityKeyIdentifier,
            Extension.subjectKeyIdentifier,
            Extension.basicConstraints,
            Extension.keyUsage,
            Extension.certificatePolicies,
            Extension.cRLDistributionPoints,
            Extension.authorityInfoAccess,
            Extension.subjectInfoAccess),
        extensionOids(issuing));
    assertEquals(Set.of(Extension.basicConstraints, Extension.keyUsage), criticalOids(issuing));
    assertSkiIsSha1OfKey(issuing);
  }

  @Test
  void subordinateAuthorityKeyIdentifierIsTheRootSkiOnly() {
    assertAkiIsKeyIdentifierOnly(issuing, root);
  }

  @Test
  void subordinateBasicConstraintsIsCriticalCaWithPathLengthZero() {
    assertTrue(issuing.getExtension(Extension.basicConstraints).isCritical());
    BasicConstraints constraints = BasicConstraints.fromExtensions(issuing.getExtensions());
    assertTrue(constraints.isCA());
    assertEquals(BigInteger.ZERO, constraints.getPathLenConstraint());
  }

  @Test
  void subordinateKeyUsageIsCriticalWithOnlyKeyCertSignAndCrlSign() throws Exception {
    assertCriticalKeyUsage(issuing, KEY_CERT_SIGN, CRL_SIGN);
  }

  @Test
  void subordinatePoliciesCrlAndAiaPointAtTheRoot() throws Exception {
    assertIssuerReferences(issuing, ROOT_NAME);
  }

  @Test
  void subordinateSubjectInfoAccessPointsAtItsOwnDirectoryEntry() {
    assertTrue(
        caRepositoryUri(issuing)
            .matches("ldap://ldap\\.example/(?i:cn)=iFutureCA%20Issuing%20CA,o=iFutureCA,c=CN"),
        caRepositoryUri(issuing));
  }

  @Test
  void subordinateChainVerifiesWithOpenSsl(@TempDir Path dir) throws Exception {
    String output = verifyWithOpenSsl(dir, root, issuing, "-vfyopt", SM2_DIST_ID);

    assertTrue(output.contains("certificate.pem: OK"), output);
  }

  // ---- C.3 end entity (personal signature certificate) ---------------------------------------

  @Test
  void endEntityCarriesSubjectKeySerialAndValidityAsGiven() throws Exception {
    assertEquals(3, endEntity.getVersionNumber());
    assertEquals(eeSerial, endEntity.getSerialNumber());
    assertSerialIsRandomSized(endEntity.getSerialNumber());
    assertEquals(Date.from(notBefore), endEntity.getNotBefore());
    assertEquals(Date.from(eeNotAfter), endEntity.getNotAfter());
    assertEquals(holderKey, endEntity.getSubjectPublicKeyInfo());
    assertArrayEquals(
        eeSubject.getEncoded(), endEntity.toASN1Structure().getSubject().getEncoded());
    assertArrayEquals(
        issuing.toASN1Structure().getSubject().getEncoded(),
        endEntity.toASN1Structure().getIssuer().getEncoded());
  }

  @Test
  void endEntityCarriesExactlyTheExtensionsOfTableC3() throws Exception {
    assertEquals(
        Set.of(
            Extension.authorityKeyIdentifier,
            Extension.subjectKeyIdentifier,
            Extension.keyUsage,
            Extension.certificatePolicies,
            Extension.cRLDistributionPoints,
            Extension.authorityInfoAccess),
        extensionOids(endEntity));
    assertNull(endEntity.getExtension(Extension.basicConstraints), "no basicConstraints");
    assertEquals(Set.of(Extension.keyUsage), criticalOids(endEntity), "only keyUsage critical");
    assertSkiIsSha1OfKey(endEntity);
  }

  @Test
  void endEntityAuthorityKeyIdentifierIsTheIssuingCaSkiOnly() {
    assertAkiIsKeyIdentifierOnly(endEntity, issuing);
  }

  @Test
  void endEntityKeyUsageIsCriticalWithExactlyDigitalSignatureAndNonRepudiation() throws Exception {
    assertCriticalKeyUsage(endEntity, DIGITAL_SIGNATURE, NON_REPUDIATION);
  }

  @Test
  void endEntityPoliciesCrlAndAiaPointAtTheIssuingCa() throws Exception {
    assertIssuerReferences(endEntity, ISSUING_NAME);
  }

  @Test
  void endEntityIsSignedWithSm3WithSm2ByTheIssuingCaKey() throws Exception {
    assertSm3WithSm2WithAbsentParameters(endEntity);
    assertSignedBy(endEntity, issuing);
    assertFalse(
        endEntity.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(BC).build(root)),
        "not signed by the root key");
  }

  @Test
  void chainValidatesWithBouncyCastlePkix() throws Exception {
    PKIXParameters parameters = trustingTheRoot();
    parameters.setDate(Date.from(notBefore.plus(Duration.ofDays(1))));

    PKIXCertPathValidatorResult result = validateEndEntityChain(parameters);

    assertArrayEquals(holderKey.getEncoded(), result.getPublicKey().getEncoded());
  }

  @Test
  void chainSatisfiesAnExplicitlyRequiredPolicy() throws Exception {
    PKIXParameters parameters = trustingTheRoot();
    parameters.setInitialPolicies(Set.of(POLICY));
    parameters.setExplicitPolicyRequired(true);

    PKIXCertPathValidatorResult result = validateEndEntityChain(parameters);

    assertNotNull(result.getPolicyTree());
    assertEquals(POLICY, result.getPolicyTree().getChildren().next().getValidPolicy());
  }

  @Test
  void endEntityVerifiesWithOpenSslAgainstTheIssuingCa(@TempDir Path dir) throws Exception {
    // OpenSSL 3.0 applies -vfyopt to the target certificate only, so a one-shot root -> issuing ->
    // ee verification fails at depth 1 with an empty-ID signature error; each link is checked on
    // its own instead (see subordinateChainVerifiesWithOpenSsl).
    String output =
        verifyWithOpenSsl(dir, issuing, endEntity, "-vfyopt", SM2_DIST_ID, "-partial_chain");

    assertTrue(output.contains("certificate.pem: OK"), output);
  }

  @Test
  void validityUsesUtcTimeBefore2050AndGeneralizedTimeFrom2050() throws Exception {
    Instant start = Instant.parse("2049-12-31T23:59:59Z");
    Instant end = Instant.parse("2050-01-01T00:00:00Z");

    // A root certificate: an end-entity certificate cannot outlive its CA (pre-issuance lint).
    X509CertificateHolder certificate =
        assembler.rootCa(
            SubjectNames.parse(
                "CN=Time Test Root,C=CN", TestProfiles.named(CertificateProfiles.CA)),
            "root",
            KeyAlgorithm.SM2_256,
            tokenKey("root"),
            start,
            end);

    Time notBeforeTime = certificate.toASN1Structure().getStartDate();
    Time notAfterTime = certificate.toASN1Structure().getEndDate();
    assertInstanceOf(ASN1UTCTime.class, notBeforeTime.toASN1Primitive());
    assertInstanceOf(ASN1GeneralizedTime.class, notAfterTime.toASN1Primitive());
    assertEquals(Date.from(start), certificate.getNotBefore());
    assertEquals(Date.from(end), certificate.getNotAfter());
  }

  // ---- RSA and service profiles --------------------------------------------------------------

  @Test
  void rsaCaKeySignsRsaEndEntityWithSha256WithRsa() throws Exception {
    X509CertificateHolder certificate = rsaPersonalSignCertificate();

    assertEquals(
        PKCSObjectIdentifiers.sha256WithRSAEncryption,
        certificate.getSignatureAlgorithm().getAlgorithm());
    assertEquals(
        "1.2.840.113549.1.1.11", certificate.getSignatureAlgorithm().getAlgorithm().getId());
    assertEquals(DERNull.INSTANCE, certificate.getSignatureAlgorithm().getParameters());
    assertAkiIsKeyIdentifierOnly(certificate, rsaIssuer.certificate());
    assertIssuerReferences(certificate, RSA_CA_NAME);
    // The JDK's own RSA implementation as an independent verifier.
    CertificateFactory jdk = CertificateFactory.getInstance("X.509");
    X509Certificate ee = x509Certificate(jdk, certificate);
    X509Certificate ca = x509Certificate(jdk, rsaIssuer.certificate());
    ee.verify(ca.getPublicKey());
    ca.verify(ca.getPublicKey());
  }

  @Test
  void rsaChainVerifiesWithOpenSsl(@TempDir Path dir) throws Exception {
    X509CertificateHolder certificate = rsaPersonalSignCertificate();

    String output = verifyWithOpenSsl(dir, rsaIssuer.certificate(), certificate);

    assertTrue(output.contains("certificate.pem: OK"), output);
  }

  @Test
  void tlsServerProfileAddsNonCriticalSubjectAltNameAndServerAuth() throws Exception {
    CertificateProfile tlsServer = TestProfiles.named(CertificateProfiles.TLS_SERVER);
    List<GeneralName> altNames =
        List.of(
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"));

    X509CertificateHolder certificate =
        assembler.endEntity(
            rsaIssuer,
            tlsServer,
            new EndEntityContent(
                SubjectNames.parse("CN=localhost,OU=Service,O=iFutureCA,C=CN", tlsServer),
                spki(TestKeys.rsaKeyPair(2048).getPublic()),
                altNames,
                List.of()),
            SerialNumberGenerator.next(),
            notBefore,
            notBefore.plus(tlsServer.validity()));

    nonCriticalExtension(certificate, Extension.subjectAlternativeName, "subjectAltName");
    List<List<?>> jcaNames =
        new ArrayList<>(bcCertificate(certificate).getSubjectAlternativeNames());
    assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")), jcaNames);

    Extension eku =
        nonCriticalExtension(certificate, Extension.extendedKeyUsage, "extendedKeyUsage");
    KeyPurposeId[] purposes = ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages();
    assertArrayEquals(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth}, purposes);

    assertEquals(Set.of(DIGITAL_SIGNATURE, KEY_ENCIPHERMENT), keyUsageBits(certificate));
    assertEquals(Set.of(Extension.keyUsage), criticalOids(certificate));
  }

  @Test
  void personalSignWithoutAltNamesHasNeitherSubjectAltNameNorExtendedKeyUsage() {
    assertNull(endEntity.getExtension(Extension.subjectAlternativeName));
    assertNull(endEntity.getExtension(Extension.extendedKeyUsage));
  }

  // ---- refusals ------------------------------------------------------------------------------

  @Test
  void refusesToHandOutACertificateThatDoesNotVerifyWithTheIssuerCertificateKey() {
    // The issuer certificate is the root's, but the key alias is the issuing CA's.
    IssuingCa mismatched = new IssuingCa(ROOT_NAME, root, "issuing", KeyAlgorithm.SM2_256);

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> personalSignCertificate(mismatched, eeSubject, holderKey, notBefore, eeNotAfter));
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
  }

  @Test
  void refusesToSignWhenTheDeclaredKeyAlgorithmDoesNotMatchTheTokenKey() {
    IssuingCa wrongType = new IssuingCa(ROOT_NAME, root, "root", KeyAlgorithm.RSA_2048);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            assembler.subordinateCa(
                wrongType,
                new X500Name("CN=x,C=CN"),
                holderKey,
                notBefore,
                notBefore.plus(Duration.ofDays(1))));
  }

  @Test
  void encodeReturnsTheDerOfTheCertificate() throws Exception {
    assertArrayEquals(endEntity.getEncoded(), CertificateAssembler.encode(endEntity));
    assertEquals(endEntity, new X509CertificateHolder(CertificateAssembler.encode(endEntity)));
  }
}
