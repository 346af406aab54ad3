package org.egovca.ca.application.port;

import org.egovca.hsm.CryptoToken;

/**
 * The crypto token in which the CA generates holders' signing key pairs on the applicant's written
 * request (CPS §6.1.4.10.1), apart from the CA's own keys ({@link CaToken}): a holder's key is not
 * a CA key, so it must never enter a CA key backup or a custodians' ceremony, and it must not
 * outlive its handover. Its keys wait here from the approval until the handover, which destroys
 * them; the infrastructure ({@code ca.infrastructure.GeneratedKeyCryptoToken}) says where they are
 * kept and what a restart does to them.
 */
public interface GeneratedKeyToken {

  /** The token's name, in messages and audit details. */
  String name();

  /** The token, active while the CA runs. */
  CryptoToken token();
}
