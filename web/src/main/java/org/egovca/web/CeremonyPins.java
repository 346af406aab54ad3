package org.egovca.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;

/**
 * The PINs the key custodians type on the key ceremony page ({@link KeyCeremonyPage}), for the one
 * request that submits them: kept as characters, handed over once ({@link #take}) and overwritten
 * when the request ends. They never reach the view state or the HTTP session (the page bean, which
 * lives in the view, holds none), and the inputs never show them again.
 */
@Named
@RequestScoped
public class CeremonyPins {

  private final char[][] pins = new char[KeyCeremonyPage.ROWS][];

  /** The PIN typed in row {@code row}, empty if none; the caller clears it. */
  public char[] take(int row) {
    char[] pin = pins[row];
    pins[row] = null;
    return pin == null ? new char[0] : pin;
  }

  /** Overwrites every PIN not yet taken. */
  @PreDestroy
  public void clear() {
    for (int row = 0; row < pins.length; row++) {
      if (pins[row] != null) {
        Arrays.fill(pins[row], '\0');
        pins[row] = null;
      }
    }
  }

  private void set(int row, String pin) {
    if (pins[row] != null) {
      Arrays.fill(pins[row], '\0');
    }
    pins[row] = pin == null ? null : pin.toCharArray();
  }

  // the inputs write the PINs and never read them back

  public String getPin0() {
    return null;
  }

  public void setPin0(String pin) {
    set(0, pin);
  }

  public String getPin1() {
    return null;
  }

  public void setPin1(String pin) {
    set(1, pin);
  }

  public String getPin2() {
    return null;
  }

  public void setPin2(String pin) {
    set(2, pin);
  }

  public String getPin3() {
    return null;
  }

  public void setPin3(String pin) {
    set(3, pin);
  }

  public String getPin4() {
    return null;
  }

  public void setPin4(String pin) {
    set(4, pin);
  }
}
