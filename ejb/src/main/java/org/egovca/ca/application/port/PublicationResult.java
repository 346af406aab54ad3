package org.egovca.ca.application.port;

/**
 * Outcome of one publication attempt, so that a caller (a delivery worker) knows whether to retry.
 *
 * @param published true when the repository now holds the certificate
 * @param detail a short operator-readable explanation (never a secret)
 */
public record PublicationResult(boolean published, String detail) {

  public static PublicationResult ok(String detail) {
    return new PublicationResult(true, detail);
  }

  public static PublicationResult failed(String detail) {
    return new PublicationResult(false, detail);
  }
}
