package org.egovca.ca.x509.ocsp;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.util.encoders.Hex;
import org.egovca.ca.x509.BouncyCastle;

/**
 * A CA the responder answers for, together with who signs its responses: the CA key itself, or a
 * delegated OCSP responder certificate the CA issued (RFC 6960 §4.2.2.2). The CertID hashes of the
 * CA (issuerNameHash over the DER subject, issuerKeyHash over the public key BIT STRING value) are
 * computed once here for every supported hash algorithm, so that matching a request costs two array
 * comparisons.
 *
 * <p>Instances are immutable and thread-safe as long as the signer supplier is.
 */
public final class ResponderIssuer {

  private final String name;
  private final X509CertificateHolder caCertificate;
  private final X509CertificateHolder responderCertificate;
  private final Supplier<ContentSigner> signer;
  private final List<X509CertificateHolder> includedCertificates;
  private final ResponderID responderId;
  private final Map<CertIdHashAlgorithm, byte[][]> hashes =
      new EnumMap<>(CertIdHashAlgorithm.class);
  private final String identity;

  private ResponderIssuer(
      String name,
      X509CertificateHolder caCertificate,
      X509CertificateHolder responderCertificate,
      Supplier<ContentSigner> signer,
      List<X509CertificateHolder> includedCertificates) {
    this.name = Objects.requireNonNull(name, "name");
    this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
    this.responderCertificate = responderCertificate;
    this.signer = Objects.requireNonNull(signer, "signer");
    this.includedCertificates = List.copyOf(includedCertificates);
    byte[] caName = encodedSubject(caCertificate);
    byte[] caKey = caCertificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    for (CertIdHashAlgorithm algorithm : CertIdHashAlgorithm.values()) {
      hashes.put(algorithm, new byte[][] {algorithm.hash(caName), algorithm.hash(caKey)});
    }
    byte[][] sha1 = hashes.get(CertIdHashAlgorithm.SHA1);
    this.identity = Hex.toHexString(sha1[0]) + ":" + Hex.toHexString(sha1[1]);
    byte[] signerKey = signerCertificate().getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    this.responderId =
        new ResponderID(new DEROctetString(CertIdHashAlgorithm.SHA1.hash(signerKey)));
  }

  /**
   * Responses signed with the CA's own key (RFC 6960 §4.2.2.2, first case).
   *
   * @param name the CA's name as the status lookup and {@link OcspResponseCache#invalidate} know it
   * @param signer makes a fresh {@link ContentSigner} for the CA key, one per response
   * @param includeCaCertificate whether the CA certificate goes into the response's certs field;
   *     clients have it already, so leaving it out keeps responses small
   */
  public static ResponderIssuer caSigned(
      String name,
      X509CertificateHolder caCertificate,
      Supplier<ContentSigner> signer,
      boolean includeCaCertificate) {
    return new ResponderIssuer(
        name,
        caCertificate,
        null,
        signer,
        includeCaCertificate ? List.of(caCertificate) : List.of());
  }

  /**
   * Responses signed by a delegated OCSP responder, whose certificate is included in every response
   * so that clients can check the delegation.
   *
   * @param signer makes a fresh {@link ContentSigner} for the responder certificate's key
   * @throws IllegalArgumentException unless {@code responderCertificate} is signed by the CA, has
   *     the extended key usage id-kp-OCSPSigning (without which clients must reject it, RFC 6960
   *     §4.2.2.2), the id-pkix-ocsp-nocheck extension (our policy: clients are told not to check
   *     the responder's own status, which would otherwise loop back to this responder, §4.2.2.2.1)
   *     and, if it has a key usage extension, digitalSignature
   */
  public static ResponderIssuer delegated(
      String name,
      X509CertificateHolder caCertificate,
      X509CertificateHolder responderCertificate,
      Supplier<ContentSigner> signer) {
    Objects.requireNonNull(responderCertificate, "responderCertificate");
    requireDelegation(caCertificate, responderCertificate);
    return new ResponderIssuer(
        name, caCertificate, responderCertificate, signer, List.of(responderCertificate));
  }

  /** The CA's name, used for status look-ups and cache invalidation. */
  public String name() {
    return name;
  }

  public X509CertificateHolder caCertificate() {
    return caCertificate;
  }

  /** The delegated responder certificate, or empty when the CA signs its own responses. */
  public Optional<X509CertificateHolder> responderCertificate() {
    return Optional.ofNullable(responderCertificate);
  }

  /** The certificates put into the certs field of every response. */
  public List<X509CertificateHolder> includedCertificates() {
    return includedCertificates;
  }

  /**
   * Whether {@code certId} names this CA: its hash algorithm is supported and both issuer hashes
   * match. The hash algorithm's parameters (NULL or absent) are ignored.
   */
  public boolean matches(CertID certId) {
    Optional<CertIdHashAlgorithm> algorithm =
        CertIdHashAlgorithm.of(certId.getHashAlgorithm().getAlgorithm());
    if (algorithm.isEmpty()) {
      return false;
    }
    byte[][] expected = hashes.get(algorithm.get());
    return Arrays.equals(expected[0], certId.getIssuerNameHash().getOctets())
        && Arrays.equals(expected[1], certId.getIssuerKeyHash().getOctets());
  }

  /**
   * Equal for two instances describing the same issuer as OCSP sees it (same name, same key), so
   * that look-ups returning fresh objects still group CertIDs correctly.
   */
  String identity() {
    return identity;
  }

  ResponderID responderId() {
    return responderId;
  }

  ContentSigner newSigner() {
    return Objects.requireNonNull(signer.get(), "the signer supplier returned null");
  }

  /** The certificate of the key that signs: the delegated responder's, else the CA's. */
  X509CertificateHolder signerCertificate() {
    return responderCertificate != null ? responderCertificate : caCertificate;
  }

  /**
   * Whether the signing certificate is valid at {@code now}; a response signed outside it would be
   * rejected by every client, so the responder refuses to make one.
   */
  boolean signerValidAt(Instant now) {
    return signerCertificate().isValidOn(Date.from(now));
  }

  @Override
  public String toString() {
    return "ResponderIssuer["
        + name
        + ", "
        + caCertificate.getSubject()
        + (responderCertificate == null
            ? ", CA-signed]"
            : ", delegated to " + responderCertificate.getSubject() + "]");
  }

  private static byte[] encodedSubject(X509CertificateHolder certificate) {
    try {
      return certificate.getSubject().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode the CA certificate's subject", e);
    }
  }

  private static void requireDelegation(
      X509CertificateHolder caCertificate, X509CertificateHolder responder) {
    String subject = responder.getSubject().toString();
    if (!responder.getIssuer().equals(caCertificate.getSubject())) {
      throw new IllegalArgumentException(
          "responder certificate " + subject + " is not issued by " + caCertificate.getSubject());
    }
    try {
      if (!responder.isSignatureValid(
          new JcaContentVerifierProviderBuilder()
              .setProvider(BouncyCastle.provider())
              .build(caCertificate))) {
        throw new IllegalArgumentException(
            "responder certificate " + subject + " is not signed by the CA key");
      }
    } catch (OperatorCreationException | CertException | CertificateException e) {
      throw new IllegalArgumentException(
          "cannot verify the signature of responder certificate " + subject, e);
    }
    if (responder.getExtensions() == null) {
      throw new IllegalArgumentException("responder certificate " + subject + " has no extensions");
    }
    ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
    if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
      throw new IllegalArgumentException(
          "responder certificate " + subject + " lacks the extended key usage id-kp-OCSPSigning");
    }
    if (responder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck) == null) {
      throw new IllegalArgumentException(
          "responder certificate " + subject + " lacks the id-pkix-ocsp-nocheck extension");
    }
    KeyUsage keyUsage = KeyUsage.fromExtensions(responder.getExtensions());
    if (keyUsage != null && !keyUsage.hasUsages(KeyUsage.digitalSignature)) {
      throw new IllegalArgumentException(
          "responder certificate " + subject + " does not allow digitalSignature");
    }
  }
}
