package org.egovca.sync;

/**
 * The e-gov system a message is for, as the CA registered it: the system's name and the code of its
 * application unit (CPS §7.3.2). Both are in the signed payload, so that a message the CA made for
 * one system cannot be replayed into another: a receiver applies only messages that name itself.
 *
 * @param system the e-gov system's name at the CA ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}})
 * @param applicationUnit the code of the system's application unit ({@code [A-Za-z0-9_-]{2,32}})
 */
public record Recipient(String system, String applicationUnit) {

  /**
   * @throws IllegalArgumentException naming the field that is missing or badly formed
   */
  public Recipient {
    MessageFields.matching("recipient.system", system, MessageFields.SYSTEM_NAME);
    MessageFields.matching("recipient.applicationUnit", applicationUnit, MessageFields.UNIT_CODE);
  }

  /** As operators read it: {@code sync-a (unit SYNC-A)}. */
  @Override
  public String toString() {
    return system + " (unit " + applicationUnit + ")";
  }
}
