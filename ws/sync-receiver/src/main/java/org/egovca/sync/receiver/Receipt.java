package org.egovca.sync.receiver;

import org.egovca.sync.SyncOutcome;

/**
 * What the receiver answers for a message it verified: the outcome, and the canonical payload it
 * verified, whose SHA-256 the receipt names so that the CA can tell the receipt is for what it
 * sent.
 */
public record Receipt(String messageId, SyncOutcome outcome, byte[] payload) {

  public Receipt {
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
