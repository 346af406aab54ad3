package org.egovca.ra.application;

import java.io.Serializable;

/**
 * A successful login: the session token (kept by the console in the HTTP session, never logged) and
 * the operator; {@code operator.mustChangePassword()} sends them to choose a password first.
 */
public record LoginResult(String sessionToken, OperatorView operator) implements Serializable {

  @Override
  public String toString() {
    return "LoginResult[" + operator.username() + "]";
  }
}
