package org.egovca.custody.application;

import java.util.Locale;

/**
 * How an installation's token is activated, from the system property {@code egovca.activation} (the
 * start script's {@code EGOVCA_ACTIVATION}).
 */
public enum ActivationMode {
  /**
   * The embedded default: five demo custodians, their PINs in {@code <data>/demo-custodians}
   * (owner-only, demo material), three of whom activate the token at every start, so that one
   * command gives a working CA. Not for production: whoever reads the data directory holds the
   * token.
   */
  DEMO,
  /**
   * Production: the custodians are enrolled by the ceremony {@code ear/bin/egovca ceremony enrol}
   * and keep their PINs themselves; a started token waits OFFLINE until three of them activate it.
   */
  CUSTODIANS;

  /**
   * The mode the system properties ask for; CUSTODIANS when none is set, so that a deployment that
   * forgot the property never becomes a demo (the start script always sets it).
   */
  public static ActivationMode configured() {
    String value = System.getProperty("egovca.activation", "custodians").strip();
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "egovca.activation is '" + value + "'; it must be demo or custodians", e);
    }
  }
}
