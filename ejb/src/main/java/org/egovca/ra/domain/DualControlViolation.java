package org.egovca.ra.domain;

import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/**
 * An operator tried to be both parties of a dual-controlled action (CPS §7.5.1.2 item 2), or to act
 * on their own account: refused as SEPARATION_OF_DUTIES.
 */
public class DualControlViolation extends Refusal {

  private static final long serialVersionUID = 1L;

  public DualControlViolation(String message) {
    super(RefusalCode.SEPARATION_OF_DUTIES, "dualControl.sameOperator", message);
  }
}
