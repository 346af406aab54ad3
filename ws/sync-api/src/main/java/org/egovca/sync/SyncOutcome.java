package org.egovca.sync;

/** What a receiver did with a message. Either ends the CA's retries of that message id. */
public enum SyncOutcome {
  /** Verified and stored now. */
  APPLIED,
  /** A message with this id was applied before; nothing changed. */
  DUPLICATE
}
