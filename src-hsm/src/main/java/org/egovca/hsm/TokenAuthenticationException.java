package org.egovca.hsm;

/** The PIN given to {@link CryptoToken#activate(char[])} is not the token's PIN. */
public class TokenAuthenticationException extends CryptoTokenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the named token. */
  public TokenAuthenticationException(String tokenName) {
    super("wrong PIN for crypto token " + tokenName);
  }
}
