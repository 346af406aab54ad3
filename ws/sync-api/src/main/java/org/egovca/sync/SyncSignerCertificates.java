package org.egovca.sync;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What makes a certificate a CA's sync signer: the CA certifies a key of its own, kept in its
 * crypto module, for signing sync messages and nothing else, so that the key that signs
 * certificates and CRLs never signs anything a receiver's input could shape. A sync signer
 * certificate is an end entity (no basicConstraints cA), has keyUsage digitalSignature only, and
 * carries the extended key usage {@link #KEY_PURPOSE}.
 *
 * <p>The purpose's OID lies in the UUID arc 2.25 (ITU-T X.667), which needs no registration: {@code
 * 2.25.304558247052912249665186469044158614083}, the UUID {@code
 * e51fc8e7-6728-4a50-81a2-117b5f124a43} as an integer. Only this CA's sync signers carry it; a
 * holder's certificate, whatever else it may do, never does, since the CA's profiles for holders do
 * not offer it.
 */
public final class SyncSignerCertificates {

  /** The OID of the extended key usage "e-Gov CA sync signing", as a dotted string. */
  public static final String EXTENDED_KEY_USAGE_OID =
      "2.25.304558247052912249665186469044158614083";

  /** The extended key usage "e-Gov CA sync signing". */
  public static final KeyPurposeId KEY_PURPOSE =
      KeyPurposeId.getInstance(new ASN1ObjectIdentifier(EXTENDED_KEY_USAGE_OID));

  private static final int[] OTHER_USES = {
    KeyUsage.nonRepudiation,
    KeyUsage.keyEncipherment,
    KeyUsage.dataEncipherment,
    KeyUsage.keyAgreement,
    KeyUsage.keyCertSign,
    KeyUsage.cRLSign,
    KeyUsage.encipherOnly,
    KeyUsage.decipherOnly
  };

  private SyncSignerCertificates() {}

  /**
   * Why {@code certificate} is not a sync signer certificate, in an operator's words; empty when it
   * is one. Says nothing about who issued it or when it is valid.
   */
  public static Optional<String> defect(X509CertificateHolder certificate) {
    BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
    if (constraints != null && constraints.isCA()) {
      return Optional.of("it is a CA certificate");
    }
    KeyUsage keyUsage = KeyUsage.fromExtensions(certificate.getExtensions());
    if (keyUsage == null || !keyUsage.hasUsages(KeyUsage.digitalSignature)) {
      return Optional.of("its key usage is not digitalSignature");
    }
    for (int use : OTHER_USES) {
      if (keyUsage.hasUsages(use)) {
        return Optional.of("its key usage allows more than digitalSignature");
      }
    }
    ExtendedKeyUsage extended = ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
    if (extended == null || !extended.hasKeyPurposeId(KEY_PURPOSE)) {
      return Optional.of("it lacks the sync signing extended key usage " + EXTENDED_KEY_USAGE_OID);
    }
    return Optional.empty();
  }
}
