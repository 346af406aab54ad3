package org.egovca.ca.x509;

import static org.egovca.ca.domain.RefusalCode.PROFILE_VIOLATION;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.Refusal;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * Assembles certificates with the extensions of GM/T 0015 Annex C and has the crypto token sign
 * them: table C.1 (root CA), C.2 (subordinate CA) and C.3/C.4 (end entity, shaped by the profile
 * and checked by the pre-issuance lint). Every certificate is verified against the CA key before it
 * is handed out, so a token fault can never produce a certificate that does not verify. While the
 * token is offline every method refuses with TOKEN_OFFLINE ({@link OfflineToken}): this is the one
 * place where every request path that issues a certificate meets the token.
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
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    try {
      addCaExtensions(extensions, subject, key, new BasicConstraints(true));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode root CA extensions", e);
    }
    ContentSigner signer = signer(keyAlias, keyAlgorithm);
    TBSCertificate tbs =
        tbs(
            signer,
            subject,
            SerialNumberGenerator.next(),
            notBefore,
            notAfter,
            subject,
            key,
            extensions);
    return sign(tbs, signer, key);
  }

  /** A subordinate (issuing) CA certificate signed by {@code issuer} (GM/T 0015 table C.2). */
  public X509CertificateHolder subordinateCa(
      IssuingCa issuer,
      X500Name subject,
      SubjectPublicKeyInfo key,
      Instant notBefore,
      Instant notAfter) {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    try {
      addIssuerReferences(extensions, issuer);
      addCaExtensions(extensions, subject, key, new BasicConstraints(0));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode subordinate CA extensions", e);
    }
    ContentSigner signer = signer(issuer);
    TBSCertificate tbs =
        tbs(
            signer,
            issuerName(issuer),
            SerialNumberGenerator.next(),
            notBefore,
            notAfter,
            subject,
            key,
            extensions);
    return sign(tbs, signer, issuerKey(issuer));
  }

  /**
   * A key-rollover link certificate (RFC 4210 §4.4, CPS §6.5.1.6): {@code subjectKey} certified
   * under the CA's own name by {@code signer}, another key of the same CA. NewWithOld has the old
   * key sign the new one, OldWithNew the reverse; relying parties that trust either key can then
   * build a path to certificates issued under the other.
   *
   * @param pathLength the CA certificate's path length constraint, or null for none (a root)
   */
  public X509CertificateHolder rolloverLink(
      IssuingCa signer,
      SubjectPublicKeyInfo subjectKey,
      Integer pathLength,
      Instant notBefore,
      Instant notAfter) {
    X500Name subject = issuerName(signer);
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    try {
      addIssuerReferences(extensions, signer);
      addCaExtensions(
          extensions,
          subject,
          subjectKey,
          pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode rollover link extensions", e);
    }
    ContentSigner contentSigner = signer(signer);
    TBSCertificate tbs =
        tbs(
            contentSigner,
            subject,
            SerialNumberGenerator.next(),
            notBefore,
            notAfter,
            subject,
            subjectKey,
            extensions);
    return sign(tbs, contentSigner, issuerKey(signer));
  }

  /**
   * An end-entity certificate shaped by {@code profile} (GM/T 0015 table C.3 for signing, C.4 for
   * encryption certificates). The to-be-signed certificate goes through the pre-issuance lint
   * first: a certificate that breaks its profile is refused, never signed.
   */
  public X509CertificateHolder endEntity(
      IssuingCa issuer,
      CertificateProfile profile,
      EndEntityContent content,
      BigInteger serialNumber,
      Instant notBefore,
      Instant notAfter) {
    ExtensionsGenerator extensions = endEntityExtensions(issuer, profile, content);
    ContentSigner signer = signer(issuer);
    TBSCertificate tbs =
        tbs(
            signer,
            issuerName(issuer),
            serialNumber,
            notBefore,
            notAfter,
            content.subject(),
            content.key(),
            extensions);
    List<LintViolation> violations = CertificateLint.check(tbs, profile, issuer.certificate());
    if (!violations.isEmpty()) {
      throw new Refusal(
          PROFILE_VIOLATION,
          "the certificate would break profile "
              + profile.label()
              + ": "
              + violations.stream().map(LintViolation::toString).collect(Collectors.joining("; ")));
    }
    return sign(tbs, signer, issuerKey(issuer));
  }

  /** The extensions of an end-entity certificate: issuer references, then what the profile asks. */
  private ExtensionsGenerator endEntityExtensions(
      IssuingCa issuer, CertificateProfile profile, EndEntityContent content) {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    try {
      addIssuerReferences(extensions, issuer);
      extensions.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensionUtils.createSubjectKeyIdentifier(content.key()));
      extensions.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
      if (!profile.extendedKeyUsages().isEmpty()) {
        KeyPurposeId[] purposes =
            profile.extendedKeyUsages().stream()
                .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                .toArray(KeyPurposeId[]::new);
        extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
      }
      if (CertificateLint.isOcspResponder(profile)) {
        // Clients are told not to check the responder's own status, which would loop back to
        // the responder (RFC 6960 §4.2.2.2.1); responder certificates are short-lived instead.
        extensions.addExtension(
            OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
      }
      if (!content.subjectAltNames().isEmpty()) {
        extensions.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(content.subjectAltNames().toArray(GeneralName[]::new)));
      }
      for (Extension identity :
          IdentityExtensions.encode(profile.identity().edition(), content.identifiers())) {
        extensions.addExtension(identity);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode end-entity extensions", e);
    }
    return extensions;
  }

  private void addCaExtensions(
      ExtensionsGenerator extensions,
      X500Name subject,
      SubjectPublicKeyInfo key,
      BasicConstraints basicConstraints)
      throws IOException {
    extensions.addExtension(
        Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(key));
    extensions.addExtension(Extension.basicConstraints, true, basicConstraints);
    extensions.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    extensions.addExtension(Extension.subjectInfoAccess, false, caRepository(subject));
  }

  /** AKI (key identifier only), certificatePolicies, CRL distribution point and AIA. */
  private void addIssuerReferences(ExtensionsGenerator extensions, IssuingCa issuer)
      throws IOException {
    extensions.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        extensionUtils.createAuthorityKeyIdentifier(issuerKey(issuer)));
    extensions.addExtension(
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(new PolicyInformation(policy)));
    GeneralNames crl = new GeneralNames(uri(urls.crl(issuer.name(), issuer.keyIndex())));
    extensions.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(new DistributionPointName(crl), null, null)
            }));
    extensions.addExtension(
        Extension.authorityInfoAccess,
        false,
        new AuthorityInformationAccess(
            new AccessDescription[] {
              new AccessDescription(AccessDescription.id_ad_ocsp, uri(urls.ocsp())),
              new AccessDescription(
                  AccessDescription.id_ad_caIssuers,
                  uri(urls.caCertificate(issuer.name(), issuer.keyIndex())))
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

  private ContentSigner signer(IssuingCa issuer) {
    return signer(issuer.keyAlias(), issuer.keyAlgorithm());
  }

  /**
   * The token's signer for the key {@code alias}; an offline token refuses with TOKEN_OFFLINE here
   * (a software token) or when the signature is made (a token that signs in one call).
   */
  private ContentSigner signer(String alias, KeyAlgorithm algorithm) {
    return OfflineToken.refusedWhileOffline(
        () -> token.contentSigner(alias, SignatureAlgorithm.forKey(algorithm)));
  }

  private static TBSCertificate tbs(
      ContentSigner signer,
      X500Name issuer,
      BigInteger serialNumber,
      Instant notBefore,
      Instant notAfter,
      X500Name subject,
      SubjectPublicKeyInfo key,
      ExtensionsGenerator extensions) {
    V3TBSCertificateGenerator generator = new V3TBSCertificateGenerator();
    generator.setSerialNumber(new ASN1Integer(serialNumber));
    generator.setSignature(signer.getAlgorithmIdentifier());
    generator.setIssuer(issuer);
    // Time picks UTCTime up to 2049 and GeneralizedTime after, as RFC 5280 §4.1.2.5 requires.
    generator.setStartDate(new Time(Date.from(notBefore)));
    generator.setEndDate(new Time(Date.from(notAfter)));
    generator.setSubject(subject);
    generator.setSubjectPublicKeyInfo(key);
    generator.setExtensions(extensions.generate());
    return generator.generateTBSCertificate();
  }

  /**
   * Has the token sign {@code tbs}, then verifies the signature with {@code verificationKey}, so a
   * token fault can never produce a certificate that does not verify; a token gone offline refuses
   * with TOKEN_OFFLINE.
   */
  private static X509CertificateHolder sign(
      TBSCertificate tbs, ContentSigner signer, SubjectPublicKeyInfo verificationKey) {
    try (OutputStream out = signer.getOutputStream()) {
      tbs.encodeTo(out, ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot sign the certificate", e);
    }
    byte[] signature = OfflineToken.refusedWhileOffline(signer::getSignature);
    X509CertificateHolder certificate =
        new X509CertificateHolder(
            Certificate.getInstance(
                new DERSequence(
                    new ASN1Encodable[] {
                      tbs, signer.getAlgorithmIdentifier(), new DERBitString(signature)
                    })));
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
