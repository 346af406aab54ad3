package org.egovca.ca.domain;

/**
 * Why a request was refused. Each interface shows it in its own terms: the console by the problems'
 * message keys (it needs only {@link #SESSION_ENDED}), the SOAP services as a fault code.
 */
public enum RefusalCode {
  /** The caller may not: no such right, or an unauthenticated caller. */
  NOT_AUTHORIZED,
  /** A console login with a wrong factor. */
  LOGIN_FAILED,
  /** The console session is over: log in again. */
  SESSION_ENDED,
  /** A form field or parameter breaks a rule; the problems name the field. */
  INVALID_INPUT,
  /** One person in two roles that must be two people (CPS §7.5.1.2). */
  SEPARATION_OF_DUTIES,
  /** The record is no longer in a state that allows the request. */
  WRONG_STATE,
  /** The record the request names does not exist. */
  NOT_FOUND,
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
  /**
   * The CA's crypto token is offline: its keys wait for activation by the key custodians (CPS
   * §6.5.2), so nothing is signed. Not a fault of the request: the same request succeeds once the
   * token is active.
   */
  TOKEN_OFFLINE,
  BATCH_TOO_LARGE,
  UNKNOWN_APPLICATION_UNIT,
  /**
   * The root revoked the CA's certificate (a compromised key, or the CA's termination): the CA
   * issues nothing more, and no key rollover gives it a new key. Final: a new CA takes its place.
   */
  CA_REVOKED,
  /**
   * The key management centre cannot be reached, did not answer in time, or refused the CA's
   * message as a whole (its answer names why): nothing was issued, the request can be repeated.
   */
  KMC_UNAVAILABLE,
  /**
   * The key management centre answered, and refused this key request (GM/T 0014 ErrorPkgRespond,
   * whose number and description the message carries).
   */
  KMC_REFUSED
}
