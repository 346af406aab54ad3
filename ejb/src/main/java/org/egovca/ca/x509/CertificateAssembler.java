package org.egovca.ca.x509;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
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
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * Assembles certificates with the extensions of GM/T 0015 Annex C and has the crypto token sign
 * them: table C.1 (root CA), C.2 (subordinate CA) and C.3/C.4 (end entity, shaped by the profile).
 * Every certificate is verified against the CA key before it is handed out, so a token fault can
 * never produce a certificate that does not verify.
 */
public final class CertificateAssembler {

  /** id-ad-caRepository (RFC 5280 §4.2.2.2), required in CA certificates by GM/T 0015 C.1/C.2. */
  private static final ASN1ObjectIdentifier CA_REPOSITORY =
      new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.5");

  private final CryptoToken token;
  private final PkiUrls urls;
  private final ASN1ObjectIdentifier policy;
  private final DirectoryUrls directory;
  private final BcX509ExtensionUtils extensionUtils = new BcX509ExtensionUtils();

  public CertificateAssembler(
      CryptoToken token, PkiUrls urls, String policyOid, DirectoryUrls directory) {
    this.token = token;
    this.urls = urls;
    this.policy = new ASN1ObjectIdentifier(policyOid);
    this.directory = directory;
  }

  /** A self-signed root CA certificate (GM/T 0015 table C.1). */
  public X509CertificateHolder rootCa(
      X500Name subject,
      String keyAlias,
      KeyAlgorithm keyAlgorithm,
      SubjectPublicKeyInfo key,
      Instant notBefore,
      Instant notAfter) {
    X509v3CertificateBuilder builder =
        builder(subject, SerialNumberGenerator.next(), notBefore, notAfter, subject, key);
    try {
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(key));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectInfoAccess, false, caRepository(subject));
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode root CA extensions", e);
    }
    return sign(builder, keyAlias, keyAlgorithm, key);
  }

  /** A subordinate (issuing) CA certificate signed by {@code issuer} (GM/T 0015 table C.2). */
  public X509CertificateHolder subordinateCa(
      IssuingCa issuer,
      X500Name subject,
      SubjectPublicKeyInfo key,
      Instant notBefore,
      Instant notAfter) {
    X509v3CertificateBuilder builder =
        builder(
            issuerName(issuer), SerialNumberGenerator.next(), notBefore, notAfter, subject, key);
    try {
      addIssuerReferences(builder, issuer);
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(key));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectInfoAccess, false, caRepository(subject));
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode subordinate CA extensions", e);
    }
    return sign(builder, issuer.keyAlias(), issuer.keyAlgorithm(), issuerKey(issuer));
  }

  /**
   * An end-entity certificate shaped by {@code profile} (GM/T 0015 table C.3 for signing, C.4 for
   * encryption certificates).
   */
  public X509CertificateHolder endEntity(
      IssuingCa issuer,
      CertificateProfile profile,
      X500Name subject,
      SubjectPublicKeyInfo key,
      BigInteger serialNumber,
      Instant notBefore,
      Instant notAfter,
      List<GeneralName> subjectAltNames) {
    X509v3CertificateBuilder builder =
        builder(issuerName(issuer), serialNumber, notBefore, notAfter, subject, key);
    try {
      addIssuerReferences(builder, issuer);
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(key));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
      if (!profile.extendedKeyUsages().isEmpty()) {
        KeyPurposeId[] purposes =
            profile.extendedKeyUsages().stream()
                .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                .toArray(KeyPurposeId[]::new);
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
      }
      if (!subjectAltNames.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
      }
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode end-entity extensions", e);
    }
    return sign(builder, issuer.keyAlias(), issuer.keyAlgorithm(), issuerKey(issuer));
  }

  /** AKI (key identifier only), certificatePolicies, CRL distribution point and AIA. */
  private void addIssuerReferences(X509v3CertificateBuilder builder, IssuingCa issuer)
      throws CertIOException {
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        extensionUtils.createAuthorityKeyIdentifier(issuerKey(issuer)));
    builder.addExtension(
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(new PolicyInformation(policy)));
    GeneralNames crl = new GeneralNames(uri(urls.crl(issuer.name())));
    builder.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(new DistributionPointName(crl), null, null)
            }));
    builder.addExtension(
        Extension.authorityInfoAccess,
        false,
        new AuthorityInformationAccess(
            new AccessDescription[] {
              new AccessDescription(AccessDescription.id_ad_ocsp, uri(urls.ocsp())),
              new AccessDescription(
                  AccessDescription.id_ad_caIssuers, uri(urls.caCertificate(issuer.name())))
            }));
  }

  private AuthorityInformationAccess caRepository(X500Name caSubject) {
    return new AuthorityInformationAccess(
        new AccessDescription(CA_REPOSITORY, uri(directory.entryUrl(caSubject))));
  }

  private static GeneralName uri(String uri) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
  }

  private static X500Name issuerName(IssuingCa issuer) {
    // The issuer field must be byte-identical to the CA certificate's subject.
    return X500Name.getInstance(issuer.certificate().toASN1Structure().getSubject());
  }

  private static SubjectPublicKeyInfo issuerKey(IssuingCa issuer) {
    return issuer.certificate().getSubjectPublicKeyInfo();
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer,
      BigInteger serialNumber,
      Instant notBefore,
      Instant notAfter,
      X500Name subject,
      SubjectPublicKeyInfo key) {
    return new X509v3CertificateBuilder(
        issuer, serialNumber, Date.from(notBefore), Date.from(notAfter), subject, key);
  }

  private X509CertificateHolder sign(
      X509v3CertificateBuilder builder,
      String keyAlias,
      KeyAlgorithm keyAlgorithm,
      SubjectPublicKeyInfo verificationKey) {
    X509CertificateHolder certificate =
        builder.build(token.contentSigner(keyAlias, SignatureAlgorithm.forKey(keyAlgorithm)));
    try {
      ContentVerifierProvider verifier =
          new JcaContentVerifierProviderBuilder()
              .setProvider(BouncyCastle.provider())
              .build(verificationKey);
      if (!certificate.isSignatureValid(verifier)) {
        throw new IllegalStateException(
            "the crypto token produced a certificate signature that does not verify");
      }
    } catch (OperatorCreationException | CertException e) {
      throw new IllegalStateException("cannot verify the new certificate's signature", e);
    }
    return certificate;
  }

  /** DER encoding of a certificate. */
  public static byte[] encode(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }
}
