package org.egovca.hsm;

/**
 * The token cannot do this operation with this key: SM2 decryption with an RSA or EC key, or with
 * any key of a token that has no decryption (the PKCS#11 token: SoftHSM2 has no SM2 mechanism).
 */
public class UnsupportedKeyOperationException extends CryptoTokenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code operation} with a key of the named token. */
  public UnsupportedKeyOperationException(String tokenName, String alias, String operation) {
    super("crypto token " + tokenName + " cannot do " + operation + " with key " + alias);
  }
}
