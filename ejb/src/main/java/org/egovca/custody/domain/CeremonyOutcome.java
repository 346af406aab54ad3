package org.egovca.custody.domain;

/** How a key ceremony ended. */
public enum CeremonyOutcome {
  SUCCEEDED,
  /** Refused or failed; the ceremony's record says why, and nothing of it took effect. */
  FAILED
}
