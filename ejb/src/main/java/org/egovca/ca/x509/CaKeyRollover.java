package org.egovca.ca.x509;

import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.hsm.CryptoToken;

/**
 * CA key rollover (CPS §6.5.1.6, R12, RFC 4210 §4.4): a new key is generated in the token like the
 * first one, and three certificates are issued under the CA's unchanged name:
 *
 * <ul>
 *   <li>NewWithNew: the CA certificate of the new key (self-signed for a root, from the parent CA
 *       for a subordinate CA);
 *   <li>NewWithOld: the new key signed by the old key, for relying parties that still trust the old
 *       key;
 *   <li>OldWithNew: the old key signed by the new key, so certificates issued under the old key
 *       keep validating for relying parties that already trust the new one.
 * </ul>
 *
 * The old key is not destroyed: it keeps signing CRLs for the certificates it issued until they
 * expire. While the token is offline the rollover is refused with TOKEN_OFFLINE ({@link
 * OfflineToken}).
 */
public final class CaKeyRollover {

  /** The certificates of one rollover, and the CA with its new key, ready to issue. */
  public record Certificates(
      X509CertificateHolder newWithNew,
      X509CertificateHolder newWithOld,
      X509CertificateHolder oldWithNew,
      IssuingCa newIssuingCa) {}

  private final CryptoToken token;
  private final CertificateAssembler assembler;

  public CaKeyRollover(CryptoToken token, CertificateAssembler assembler) {
    this.token = token;
    this.assembler = assembler;
  }

  /**
   * Rolls {@code current} over to a new key stored under {@code newKeyAlias}.
   *
   * @param parent the CA that certifies {@code current}, empty for a root CA
   * @param notAfter end of the new CA certificate; the link certificates end with the old one
   */
  public Certificates rollOver(
      IssuingCa current,
      Optional<IssuingCa> parent,
      String newKeyAlias,
      Instant notBefore,
      Instant notAfter) {
    X500Name subject = X500Name.getInstance(current.certificate().toASN1Structure().getSubject());
    // An offline token refuses before any key is made, so a refused rollover leaves no new key.
    SubjectPublicKeyInfo newKey =
        SubjectPublicKeyInfo.getInstance(
            OfflineToken.refusedWhileOffline(
                    () -> token.generateKeyPair(newKeyAlias, current.keyAlgorithm()))
                .getEncoded());
    X509CertificateHolder newWithNew =
        parent.isEmpty()
            ? assembler.rootCa(
                subject, newKeyAlias, current.keyAlgorithm(), newKey, notBefore, notAfter)
            : assembler.subordinateCa(parent.get(), subject, newKey, notBefore, notAfter);
    IssuingCa newIssuingCa =
        new IssuingCa(
            current.name(),
            newWithNew,
            newKeyAlias,
            current.keyAlgorithm(),
            current.keyIndex() + 1);
    Integer pathLength = pathLength(current.certificate());
    Instant linksEnd = current.certificate().getNotAfter().toInstant();
    X509CertificateHolder newWithOld =
        assembler.rolloverLink(current, newKey, pathLength, notBefore, linksEnd);
    X509CertificateHolder oldWithNew =
        assembler.rolloverLink(
            newIssuingCa,
            current.certificate().getSubjectPublicKeyInfo(),
            pathLength,
            notBefore,
            linksEnd);
    return new Certificates(newWithNew, newWithOld, oldWithNew, newIssuingCa);
  }

  /** The path length constraint of a CA certificate, null when it has none. */
  private static Integer pathLength(X509CertificateHolder caCertificate) {
    BasicConstraints constraints = BasicConstraints.fromExtensions(caCertificate.getExtensions());
    if (constraints == null || !constraints.isCA()) {
      throw new IllegalArgumentException(
          "not a CA certificate: " + caCertificate.getSubject() + " has no cA basicConstraints");
    }
    return constraints.getPathLenConstraint() == null
        ? null
        : constraints.getPathLenConstraint().intValueExact();
  }
}
