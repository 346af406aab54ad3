package org.egovca.ca.x509;

import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.hsm.KeyAlgorithm;

/**
 * A CA in the role of issuer: its name, its certificate (whose subject becomes the issuer name,
 * byte for byte), the token alias of its private key and the index of that key among the CA's keys
 * (1 until the first key rollover).
 */
public record IssuingCa(
    String name,
    X509CertificateHolder certificate,
    String keyAlias,
    KeyAlgorithm keyAlgorithm,
    int keyIndex) {

  /** A CA with its first key. */
  public IssuingCa(
      String name, X509CertificateHolder certificate, String keyAlias, KeyAlgorithm keyAlgorithm) {
    this(name, certificate, keyAlias, keyAlgorithm, 1);
  }

  public IssuingCa {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(keyAlias, "keyAlias");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
  }
}
