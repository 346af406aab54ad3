package org.egovca.ca.x509;

import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.hsm.KeyAlgorithm;

/**
 * A CA in the role of issuer: its name, its certificate (whose subject becomes the issuer name,
 * byte for byte) and the token alias of its private key.
 */
public record IssuingCa(
    String name, X509CertificateHolder certificate, String keyAlias, KeyAlgorithm keyAlgorithm) {

  public IssuingCa {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(keyAlias, "keyAlias");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
  }
}
