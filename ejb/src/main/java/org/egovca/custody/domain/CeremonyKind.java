package org.egovca.custody.domain;

/** What a key ceremony does. */
public enum CeremonyKind {
  /** The custodians receive their shares of a token's activation secret (the first ceremony). */
  ENROLMENT,
  /** Three custodians activate a token that waits OFFLINE after a start. */
  ACTIVATION,
  /** Three custodians copy a CA key into a new backup token (CPS §6.5.2.2). */
  BACKUP,
  /** Three custodians copy a CA key from its backup token back into the CA's token. */
  RESTORE,
  /** Three custodians destroy a CA key nothing needs any more (CPS §6.5.2.3). */
  DESTRUCTION,
  /** Three custodians of the current distribution give a new set of five custodians new shares. */
  RESHARING,
  /** Three custodians have the root revoke a subordinate CA's certificate (a compromised key). */
  CA_REVOCATION,
  /**
   * Three custodians carry out a CA key rollover two security administrators approved under dual
   * control (CPS §6.5.1.6): the new key is made in the token only with the custodians present.
   */
  CA_KEY_ROLLOVER
}
