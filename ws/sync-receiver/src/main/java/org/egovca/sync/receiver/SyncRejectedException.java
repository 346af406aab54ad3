package org.egovca.sync.receiver;

import org.egovca.sync.SyncFaultCode;

/** The receiver refuses a message; the endpoint answers with a SyncFault of this code. */
public class SyncRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final SyncFaultCode code;

  public SyncRejectedException(SyncFaultCode code, String message) {
    super(message);
    this.code = code;
  }

  public SyncFaultCode code() {
    return code;
  }
}
