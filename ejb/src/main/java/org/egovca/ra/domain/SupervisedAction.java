package org.egovca.ra.domain;

/**
 * The actions that could take over an account or touch a CA key, and so are carried out only under
 * dual control (CPS §7.5.1.2 item 2, "one operates, one supervises"): one security administrator
 * asks for the action, a second one approves it. Each names the permission both need.
 */
public enum SupervisedAction {
  CREATE_OPERATOR(Permission.MANAGE_OPERATORS),
  CHANGE_OPERATOR_ROLE(Permission.MANAGE_OPERATORS),
  ISSUE_OPERATOR_CERTIFICATE(Permission.MANAGE_OPERATORS),
  RESET_OPERATOR_PASSWORD(Permission.MANAGE_OPERATORS),
  REGISTER_EGOV_SYSTEM(Permission.MANAGE_EGOV_SYSTEMS),
  REGISTER_REMOTE_RA(Permission.MANAGE_REMOTE_RAS),
  CHANGE_REMOTE_RA_UNITS(Permission.MANAGE_REMOTE_RAS),
  ROLL_OVER_CA_KEY(Permission.MANAGE_CA_KEYS);

  private final Permission permission;

  SupervisedAction(Permission permission) {
    this.permission = permission;
  }

  /** What both the operator who asks and the one who approves must be allowed to do. */
  public Permission permission() {
    return permission;
  }
}
