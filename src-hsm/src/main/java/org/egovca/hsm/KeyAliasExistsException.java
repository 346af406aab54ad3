package org.egovca.hsm;

/**
 * A key with the requested alias already exists. Tokens never overwrite a key: replacing a CA key
 * by accident cannot be undone.
 */
public class KeyAliasExistsException extends CryptoTokenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an alias of the named token. */
  public KeyAliasExistsException(String tokenName, String alias) {
    super("key alias " + alias + " already exists in crypto token " + tokenName);
  }
}
