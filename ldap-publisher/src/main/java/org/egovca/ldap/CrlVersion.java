package org.egovca.ldap;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * Which of two CRLs of one CA is newer: the one with the higher CRL number (RFC 5280 §5.2.3, which
 * full and delta CRLs share), and for equal numbers the later thisUpdate. The directory compares
 * nothing of the kind, so the publisher reads the CRL it finds there to make sure that a late or
 * repeated publication never replaces a newer CRL by an older one.
 *
 * @param number the CRL number; -1 for a CRL without one, which is older than any numbered CRL
 * @param thisUpdate the CRL's thisUpdate
 */
record CrlVersion(BigInteger number, Instant thisUpdate) implements Comparable<CrlVersion> {

  private static final Comparator<CrlVersion> ORDER =
      Comparator.comparing(CrlVersion::number).thenComparing(CrlVersion::thisUpdate);

  /**
   * The version of the DER-encoded CRL {@code der}.
   *
   * @throws IllegalArgumentException when {@code der} is not a CRL
   */
  static CrlVersion of(byte[] der) {
    X509CRLHolder crl;
    try {
      crl = new X509CRLHolder(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a DER-encoded X.509 CRL: " + e.getMessage(), e);
    }
    Extension extension = crl.getExtension(Extension.cRLNumber);
    BigInteger number =
        extension == null
            ? BigInteger.ONE.negate()
            : CRLNumber.getInstance(extension.getParsedValue()).getCRLNumber();
    return new CrlVersion(number, crl.getThisUpdate().toInstant());
  }

  @Override
  public int compareTo(CrlVersion other) {
    return ORDER.compare(this, other);
  }
}
