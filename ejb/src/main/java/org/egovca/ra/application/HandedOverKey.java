package org.egovca.ra.application;

import java.io.Serializable;

/**
 * The password-protected PKCS#12 of a signing key pair the CA generated on request, for the one
 * download that hands it to its holder; the CA kept no copy of it.
 */
public record HandedOverKey(String fileName, byte[] pkcs12) implements Serializable {

  public HandedOverKey {
    pkcs12 = pkcs12.clone();
  }

  @Override
  public byte[] pkcs12() {
    return pkcs12.clone();
  }
}
