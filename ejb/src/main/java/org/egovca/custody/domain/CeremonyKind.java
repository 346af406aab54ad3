package org.egovca.custody.domain;

/** What a key ceremony does. */
public enum CeremonyKind {
  /** The custodians receive their shares of a token's activation secret (the first ceremony). */
  ENROLMENT,
  /** Three custodians activate a token that waits OFFLINE after a start. */
  ACTIVATION
}
