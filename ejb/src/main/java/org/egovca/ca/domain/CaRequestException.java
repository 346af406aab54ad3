package org.egovca.ca.domain;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A request the CA refuses, with a message that names the problem in words an RA operator
 * understands. Thrown out of a service method it rolls the transaction back, so nothing of the
 * refused request is written.
 */
@ApplicationException(rollback = true)
public class CaRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request was refused; interfaces map it to their own error codes. */
  public enum Reason {
    NOT_AUTHORIZED,
    UNKNOWN_PROFILE,
    MALFORMED_REQUEST,
    PROOF_OF_POSSESSION_FAILED,
    UNSUPPORTED_KEY,
    INVALID_SUBJECT,
    INVALID_IDENTITY,
    PROFILE_VIOLATION,
    UNKNOWN_CERTIFICATE,
    INVALID_REVOCATION,
    RENEWAL_REFUSED,
    CA_UNAVAILABLE,
    BATCH_TOO_LARGE,
    UNKNOWN_APPLICATION_UNIT
  }

  private final Reason reason;

  public CaRequestException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
