package org.egovca.kmc.protocol;

import java.security.GeneralSecurityException;

/**
 * An SM2 ciphertext or enveloped key that cannot be opened: malformed DER, a wrong private key, or
 * data altered in transit. Checked, because every caller that decrypts data from outside must
 * decide what to tell the holder or the operator.
 */
public class KmcCryptoException extends GeneralSecurityException {

  private static final long serialVersionUID = 1L;

  public KmcCryptoException(String message) {
    super(message);
  }

  public KmcCryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
