package org.egovca.ra.domain;

/**
 * An operator tried to be both parties of a dual-controlled action (CPS §7.5.1.2 item 2), or to act
 * on their own account.
 */
public class DualControlViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DualControlViolation(String message) {
    super(message);
  }
}
