package org.egovca.hsm;

/** The token holds no key with the given alias. */
public class UnknownKeyException extends CryptoTokenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an alias of the named token. */
  public UnknownKeyException(String tokenName, String alias) {
    super("no key with alias " + alias + " in crypto token " + tokenName);
  }
}
