package org.egovca.ca.application;

import static org.egovca.ca.testing.TestKeys.BC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.crl.CrlContent;
import org.egovca.ca.x509.crl.RevokedEntry;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA's complete CRL points to its delta CRLs, and its delta CRL names the complete CRL it updates
 * in a critical deltaCRLIndicator; both carry the CA certificate's name and key identifier and
 * verify with its key.
 */
class CrlIssuerTest {

  private static final Instant THIS_UPDATE = Instant.parse("2026-05-06T07:08:09Z");
  private static final String DELTA_URL = "http://ca.example/pki/crl/iFutureCA-RSA-delta.crl";

  @TempDir static Path tokenDirectory;

  private static SoftwareCryptoToken token;
  private static X509CertificateHolder caCertificate;
  private static CrlIssuer issuer;

  @BeforeAll
  static void ca() throws Exception {
    token = SoftwareCryptoToken.initialize("t", tokenDirectory, "pin".toCharArray());
    token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    X500Name name = new X500Name("CN=iFutureCA,C=CN");
    SubjectPublicKeyInfo key = TestKeys.spki(token.publicKey("ca"));
    Instant notBefore = THIS_UPDATE.minus(Duration.ofDays(1));
    Instant notAfter = THIS_UPDATE.plus(Duration.ofDays(3650));
    caCertificate =
        new X509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(notBefore), Date.from(notAfter), name, key)
            .addExtension(
                Extension.subjectKeyIdentifier,
                false,
                new BcX509ExtensionUtils().createSubjectKeyIdentifier(key))
            .build(token.contentSigner("ca", SignatureAlgorithm.SM3_WITH_SM2));
    issuer =
        CrlIssuer.of(
            new CertificateAuthority(
                "iFutureCA",
                "CN=iFutureCA,C=CN",
                null,
                "ca",
                "SM2_256",
                BigInteger.ONE,
                notBefore,
                notAfter,
                caCertificate.getEncoded(),
                notBefore));
  }

  @Test
  void completeCrlPointsToTheDeltaCrlsInANonCriticalFreshestCrl() throws Exception {
    X509CRLHolder crl =
        signed(
            issuer.complete(7, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(1)), DELTA_URL),
            List.of());

    Extension freshest = crl.getExtension(Extension.freshestCRL);
    assertFalse(freshest.isCritical());
    GeneralNames names =
        (GeneralNames)
            CRLDistPoint.getInstance(freshest.getParsedValue())
                .getDistributionPoints()[0]
                .getDistributionPoint()
                .getName();
    assertEquals(
        new GeneralName(GeneralName.uniformResourceIdentifier, DELTA_URL), names.getNames()[0]);
    assertNull(crl.getExtension(Extension.deltaCRLIndicator));
    assertEquals(BigInteger.valueOf(7), number(crl, Extension.cRLNumber));
    assertIssuedByTheCa(crl);
  }

  @Test
  void crlScopedToADistributionPointCarriesACriticalIssuingDistributionPoint() throws Exception {
    String scope = "http://pki.example.gov.cn/pki/crl/iFutureCA/2.crl";
    X509CRLHolder crl =
        signed(
            issuer
                .complete(8, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(1)), DELTA_URL)
                .withDistributionPoint(scope),
            List.of());

    Extension extension = crl.getExtension(Extension.issuingDistributionPoint);
    assertTrue(extension.isCritical(), "RFC 5280 §5.2.5");
    org.bouncycastle.asn1.x509.IssuingDistributionPoint idp =
        org.bouncycastle.asn1.x509.IssuingDistributionPoint.getInstance(extension.getParsedValue());
    assertEquals(
        new GeneralName(GeneralName.uniformResourceIdentifier, scope),
        ((GeneralNames) idp.getDistributionPoint().getName()).getNames()[0]);
    assertFalse(idp.onlyContainsUserCerts());
    assertFalse(idp.onlyContainsCACerts());
    assertIssuedByTheCa(crl);
  }

  @Test
  void deltaCrlNamesItsBaseInACriticalDeltaCrlIndicator() throws Exception {
    BigInteger serial = BigInteger.valueOf(0x1234_5678_9abcL);
    X509CRLHolder crl =
        signed(
            issuer.delta(9, 7, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofHours(1))),
            List.of(RevokedEntry.of(serial, THIS_UPDATE, CRLReason.keyCompromise)));

    assertTrue(crl.getExtension(Extension.deltaCRLIndicator).isCritical());
    assertEquals(BigInteger.valueOf(7), number(crl, Extension.deltaCRLIndicator));
    assertEquals(BigInteger.valueOf(9), number(crl, Extension.cRLNumber));
    assertNull(crl.getExtension(Extension.freshestCRL), "RFC 5280 §5.2.6: complete CRLs only");
    Extension reason = crl.getRevokedCertificate(serial).getExtension(Extension.reasonCode);
    assertEquals(
        CRLReason.keyCompromise,
        CRLReason.getInstance(reason.getParsedValue()).getValue().intValue());
    assertEquals(THIS_UPDATE.plus(Duration.ofHours(1)), crl.getNextUpdate().toInstant());
    assertIssuedByTheCa(crl);
  }

  private static X509CRLHolder signed(CrlContent content, List<RevokedEntry> entries)
      throws Exception {
    return new X509CRLHolder(issuer.sign(content, entries::iterator, token));
  }

  private static void assertIssuedByTheCa(X509CRLHolder crl) throws Exception {
    assertEquals(caCertificate.getSubject(), crl.getIssuer());
    assertArrayEquals(
        SubjectKeyIdentifier.fromExtensions(caCertificate.getExtensions()).getKeyIdentifier(),
        AuthorityKeyIdentifier.fromExtensions(crl.getExtensions()).getKeyIdentifierOctets());
    assertTrue(
        crl.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(BC).build(caCertificate)));
  }

  private static BigInteger number(X509CRLHolder crl, ASN1ObjectIdentifier extension) {
    return ASN1Integer.getInstance(crl.getExtension(extension).getParsedValue()).getValue();
  }
}
