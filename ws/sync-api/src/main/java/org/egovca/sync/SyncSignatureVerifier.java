package org.egovca.sync;

import static org.egovca.sync.SyncSignatureException.Reason.BAD_SIGNATURE;
import static org.egovca.sync.SyncSignatureException.Reason.MALFORMED;
import static org.egovca.sync.SyncSignatureException.Reason.NOT_A_SYNC_SIGNER;
import static org.egovca.sync.SyncSignatureException.Reason.NOT_SIGNED_BY_CA;
import static org.egovca.sync.SyncSignatureException.Reason.SIGNED_BY_CA_KEY;
import static org.egovca.sync.SyncSignatureException.Reason.SIGNER_NOT_VALID;
import static org.egovca.sync.SyncSignatureException.Reason.UNKNOWN_CA;

import java.io.IOException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.guard.Asn1Limits;
import org.egovca.guard.MalformedAsn1Exception;

/**
 * Verifies the CA's signature on a sync message: a detached CMS SignedData with exactly one signer
 * over the canonical payload the receiver rebuilt, made with the key of the CA's <em>sync signer
 * certificate</em>, which the SignedData carries.
 *
 * <p>The signing certificate is accepted only if it was issued by the key of one of the trusted
 * certificates of the CA the message names (trust comes only from the receiver's own files; an
 * impostor can copy a CA's name and serial number, never its key), is a sync signer certificate
 * ({@link SyncSignerCertificates}: not a CA, digitalSignature only, the sync signing extended key
 * usage) and is valid now. A signature by the CA's certificate-signing key itself is refused: the
 * CA never signs sync messages with it, so such a signature is either an old CA or someone who made
 * the CA's key sign what they chose. A certificate the CA issued to anyone else (a holder's) is
 * refused too.
 *
 * <p>Signatures are checked with SM3withSM2 (default user ID {@code 1234567812345678}) or RSA as
 * the SignedData says, through a private BouncyCastle provider instance that is never registered
 * with the JVM. Thread safe.
 */
public final class SyncSignatureVerifier {

  private static final Provider BC = new BouncyCastleProvider();

  private final TrustedCaCertificates trusted;
  private final Clock clock;

  /**
   * @param trustedByCaName the trusted CA certificates (one per CA key, and the root) per CA name
   */
  public SyncSignatureVerifier(Map<String, List<X509CertificateHolder>> trustedByCaName) {
    Map<String, List<X509CertificateHolder>> copy = Map.copyOf(trustedByCaName);
    this.trusted = caName -> copy.getOrDefault(caName, List.of());
    this.clock = Clock.systemUTC();
  }

  /** For a trust that changes at run time: asked again for every message. */
  public SyncSignatureVerifier(TrustedCaCertificates trusted) {
    this(trusted, Clock.systemUTC());
  }

  /**
   * @param clock what "now" is when the signer certificate's validity is checked
   */
  public SyncSignatureVerifier(TrustedCaCertificates trusted, Clock clock) {
    this.trusted = Objects.requireNonNull(trusted, "trusted");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Passes only if cms is a valid detached signature over payload by a sync signer of caName.
   *
   * @return the sync signer certificate that signed
   * @throws SyncSignatureException UNKNOWN_CA when no certificates are trusted for caName;
   *     MALFORMED when cms is not a detached SignedData with one signer whose certificate it
   *     carries; SIGNED_BY_CA_KEY when the CA's certificate-signing key signed; NOT_SIGNED_BY_CA
   *     when the signing certificate was not issued by that CA; NOT_A_SYNC_SIGNER when it is not a
   *     sync signer certificate; SIGNER_NOT_VALID when it is not valid now; BAD_SIGNATURE when the
   *     signature does not verify over payload
   */
  public X509CertificateHolder verify(String caName, byte[] payload, byte[] cms)
      throws SyncSignatureException {
    List<X509CertificateHolder> caCertificates = trusted.forCaName(caName);
    if (caCertificates == null || caCertificates.isEmpty()) {
      throw new SyncSignatureException(
          UNKNOWN_CA, "no certificates are trusted for CA '" + caName + "'");
    }
    CMSSignedData signedData = detachedSignedData(payload, cms);
    SignerInformation signer = onlySigner(signedData);
    X509CertificateHolder signerCertificate = includedSignerCertificate(signedData, signer);
    boolean caKey =
        caCertificates.stream()
            .anyMatch(
                ca ->
                    ca.getSubjectPublicKeyInfo()
                        .equals(signerCertificate.getSubjectPublicKeyInfo()));
    if (caKey) {
      throw new SyncSignatureException(
          SIGNED_BY_CA_KEY,
          "signed with the certificate-signing key of CA '"
              + caName
              + "' instead of its sync signer key");
    }
    if (caCertificates.stream().noneMatch(ca -> issued(ca, signerCertificate))) {
      throw new SyncSignatureException(
          NOT_SIGNED_BY_CA,
          "the signing certificate ("
              + signerCertificate.getSubject()
              + ") was not issued by CA '"
              + caName
              + "'");
    }
    String defect = SyncSignerCertificates.defect(signerCertificate).orElse(null);
    if (defect != null) {
      throw new SyncSignatureException(
          NOT_A_SYNC_SIGNER,
          "the signing certificate ("
              + signerCertificate.getSubject()
              + ") is not a sync signer certificate of CA '"
              + caName
              + "': "
              + defect);
    }
    Instant now = clock.instant();
    if (!signerCertificate.isValidOn(Date.from(now))) {
      throw new SyncSignatureException(
          SIGNER_NOT_VALID,
          "the sync signer certificate "
              + signerCertificate.getSerialNumber().toString(16)
              + " of CA '"
              + caName
              + "' is valid from "
              + signerCertificate.getNotBefore().toInstant()
              + " to "
              + signerCertificate.getNotAfter().toInstant()
              + ", not at "
              + now);
    }
    checkSignature(signer, signerCertificate);
    return signerCertificate;
  }

  private static CMSSignedData detachedSignedData(byte[] payload, byte[] cms)
      throws SyncSignatureException {
    ContentInfo contentInfo;
    try {
      // BouncyCastle recurses per nesting level: a deeply nested message would overflow the stack
      Asn1Limits.check(cms);
      contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
      if (new CMSSignedData(contentInfo).getSignedContent() != null) {
        throw new SyncSignatureException(
            MALFORMED, "the signature encapsulates content: it must be detached");
      }
      return new CMSSignedData(new CMSProcessableByteArray(payload), contentInfo);
    } catch (MalformedAsn1Exception | IOException | CMSException | RuntimeException e) {
      throw new SyncSignatureException(
          MALFORMED, "the signature is not a DER CMS SignedData: " + e.getMessage(), e);
    } catch (StackOverflowError e) { // what the check missed still gets the refusal
      throw new SyncSignatureException(
          MALFORMED, "the signature is not a DER CMS SignedData: " + Asn1Limits.TOO_DEEP_TO_PARSE);
    }
  }

  private static SignerInformation onlySigner(CMSSignedData signedData)
      throws SyncSignatureException {
    Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw new SyncSignatureException(
          MALFORMED, "the signature has " + signers.size() + " signers instead of one");
    }
    return signers.iterator().next();
  }

  /** The certificate the signer identifier names, which the SignedData must carry. */
  private static X509CertificateHolder includedSignerCertificate(
      CMSSignedData signedData, SignerInformation signer) throws SyncSignatureException {
    Collection<X509CertificateHolder> included =
        signedData.getCertificates().getMatches(signer.getSID());
    if (included.isEmpty()) {
      throw new SyncSignatureException(
          MALFORMED, "the signature does not carry the certificate of its signer");
    }
    return included.iterator().next();
  }

  /** Whether {@code ca}'s key signed {@code certificate} under {@code ca}'s name. */
  private static boolean issued(X509CertificateHolder ca, X509CertificateHolder certificate) {
    if (!ca.getSubject().equals(certificate.getIssuer())) {
      return false;
    }
    try {
      return certificate.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(BC).build(ca));
    } catch (CertException
        | OperatorCreationException
        | CertificateException
        | RuntimeException
        | StackOverflowError e) {
      return false; // the certificate's signature value is decoded as ASN.1: hostile input
    }
  }

  private static void checkSignature(SignerInformation signer, X509CertificateHolder certificate)
      throws SyncSignatureException {
    boolean valid;
    try {
      valid =
          signer.verify(
              new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate));
    } catch (CMSSignerDigestMismatchException e) {
      throw new SyncSignatureException(
          BAD_SIGNATURE, "the signed digest does not match the message: a field was changed", e);
    } catch (CMSVerifierCertificateNotValidException e) {
      throw new SyncSignatureException(
          SIGNER_NOT_VALID, "signed at a time the sync signer certificate was not valid", e);
    } catch (OperatorCreationException | CertificateException | CMSException | RuntimeException e) {
      throw new SyncSignatureException(
          MALFORMED, "the signature cannot be checked: " + e.getMessage(), e);
    } catch (StackOverflowError e) { // signed attributes and signature value are decoded as ASN.1
      throw new SyncSignatureException(
          MALFORMED, "the signature cannot be checked: " + Asn1Limits.TOO_DEEP_TO_PARSE);
    }
    if (!valid) {
      throw new SyncSignatureException(
          BAD_SIGNATURE, "the signature does not verify over the message: a field was changed");
    }
  }
}
