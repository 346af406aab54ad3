package org.egovca.ra.domain;

/**
 * The actions that could take over an account or touch a CA key, and so are carried out only under
 * dual control (CPS §7.5.1.2 item 2, "one operates, one supervises"): one security administrator
 * asks for the action, a second one approves it. Each names the permission both need. An action on
 * a CA key is then carried out only in a key ceremony, with three key custodians present (CPS
 * §7.5.1.2 item 2, §6.5.2): the approval alone touches no key.
 */
public enum SupervisedAction {
  CREATE_OPERATOR(Permission.MANAGE_OPERATORS, false),
  CHANGE_OPERATOR_ROLE(Permission.MANAGE_OPERATORS, false),
  ISSUE_OPERATOR_CERTIFICATE(Permission.MANAGE_OPERATORS, false),
  RESET_OPERATOR_PASSWORD(Permission.MANAGE_OPERATORS, false),
  REGISTER_EGOV_SYSTEM(Permission.MANAGE_EGOV_SYSTEMS, false),
  REGISTER_REMOTE_RA(Permission.MANAGE_REMOTE_RAS, false),
  CHANGE_REMOTE_RA_UNITS(Permission.MANAGE_REMOTE_RAS, false),
  ROLL_OVER_CA_KEY(Permission.MANAGE_CA_KEYS, true);

  private final Permission permission;
  private final boolean heldInKeyCeremony;

  SupervisedAction(Permission permission, boolean heldInKeyCeremony) {
    this.permission = permission;
    this.heldInKeyCeremony = heldInKeyCeremony;
  }

  /**
   * Whether the approved action waits for a key ceremony to carry it out, instead of being carried
   * out by the approval.
   */
  public boolean heldInKeyCeremony() {
    return heldInKeyCeremony;
  }

  /** What both the operator who asks and the one who approves must be allowed to do. */
  public Permission permission() {
    return permission;
  }
}
