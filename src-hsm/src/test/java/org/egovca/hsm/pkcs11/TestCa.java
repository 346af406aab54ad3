package org.egovca.hsm.pkcs11;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * A CA certificate and CRLs built with BouncyCastle's builders and signed through a token's
 * ContentSigner, as the CA signs them.
 */
final class TestCa {
  private TestCa() {}

  /** A self-signed CA certificate for the key {@code alias}. */
  static X509CertificateHolder selfSigned(CryptoToken token, String alias, String name)
      throws Exception {
    SubjectPublicKeyInfo key =
        SubjectPublicKeyInfo.getInstance(token.publicKey(alias).getEncoded());
    X500Name subject = new X500Name("CN=" + name + ",O=e-Gov CA test,C=CN");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    BcX509ExtensionUtils extensions = new BcX509ExtensionUtils();
    return new X509v3CertificateBuilder(
            subject,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(3650, ChronoUnit.DAYS)),
            subject,
            key)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
        .addExtension(
            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
        .build(token.contentSigner(alias, SignatureAlgorithm.forKey(token.keyAlgorithm(alias))));
  }

  /** A CRL of the CA {@code ca} with one revoked serial, signed with the key {@code alias}. */
  static X509CRLHolder crl(
      CryptoToken token, String alias, X509CertificateHolder ca, long crlNumber) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new X509v2CRLBuilder(ca.getSubject(), Date.from(now))
        .setNextUpdate(Date.from(now.plus(1, ChronoUnit.DAYS)))
        .addCRLEntry(BigInteger.valueOf(4242), Date.from(now), CRLReason.keyCompromise)
        .addExtension(
            Extension.authorityKeyIdentifier,
            false,
            new BcX509ExtensionUtils().createAuthorityKeyIdentifier(ca.getSubjectPublicKeyInfo()))
        .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)))
        .build(token.contentSigner(alias, SignatureAlgorithm.forKey(token.keyAlgorithm(alias))));
  }
}
