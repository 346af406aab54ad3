package org.egovca.delivery.domain;

/** When an e-gov system receives its changes (R21). */
public enum SyncMode {
  /** As soon as the change commits. */
  REALTIME,
  /** Collected, and sent together every batch interval. */
  BATCH
}
