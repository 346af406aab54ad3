package org.egovca.hsm;

/** The operation needs the private keys but the token has not been activated with its PIN. */
public class TokenOfflineException extends CryptoTokenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the named token. */
  public TokenOfflineException(String tokenName) {
    super("crypto token " + tokenName + " is not active");
  }
}
