package org.egovca.ca.application.port;

import org.egovca.hsm.CryptoToken;

/**
 * The crypto token that holds the CA keys, as the CA's services use it; the infrastructure opens
 * and activates it at start ({@code ca.infrastructure.CaCryptoToken}).
 */
public interface CaToken {

  /** The token, to sign with and to make keys in. */
  CryptoToken token();
}
