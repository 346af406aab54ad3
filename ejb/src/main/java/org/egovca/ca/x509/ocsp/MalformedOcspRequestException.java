package org.egovca.ca.x509.ocsp;

/**
 * A request that cannot be answered as RFC 6960 describes; it becomes a {@code malformedRequest}
 * response and never leaves the responder as an exception.
 */
final class MalformedOcspRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedOcspRequestException(String message) {
    super(message);
  }

  MalformedOcspRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
