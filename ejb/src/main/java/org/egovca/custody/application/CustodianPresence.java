package org.egovca.custody.application;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key custodian present at a ceremony: their username and the PIN their share is sealed under.
 * The ceremony clears the PIN when it is over ({@link #clear()}); it never appears in {@link
 * #toString()}, a log or a record.
 *
 * @param username the custodian's operator account
 * @param pin the PIN of their share
 */
public record CustodianPresence(String username, char[] pin) {

  public CustodianPresence {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(pin, "pin");
  }

  /** Overwrites the PIN. */
  public void clear() {
    Arrays.fill(pin, '\0');
  }

  @Override
  public String toString() {
    return "CustodianPresence[" + username + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CustodianPresence presence && presence.username.equals(username);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }
}
