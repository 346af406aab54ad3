package org.egovca.ra.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a console service method needs. Each permission names the roles that grant it; any role not
 * named is refused (deny by default). Least privilege (CPS §6.5.2.5): each role gets what its job
 * needs and nothing more.
 */
public enum Permission {
  MANAGE_OPERATORS(OperatorRole.SECURITY_ADMIN),
  ENTER_APPLICATION(OperatorRole.ENTRY_CLERK),
  DECIDE_APPLICATION(OperatorRole.REVIEWER),
  FORCE_REVOCATION(OperatorRole.REVIEWER),
  /**
   * Hand a signing key pair the CA generated on request to its holder at the counter (CPS
   * §6.1.4.10.1): the entry clerk's work, who "通过系统将用户资料制作数字证书" (§7.5.1.2 item 4 (3)).
   */
  HAND_OVER_GENERATED_KEY(OperatorRole.ENTRY_CLERK),
  /**
   * Record a holder's request at the counter to recover the key of their encryption certificate,
   * and hand them the envelope once it is approved (CPS §7.1.3.8 item 1).
   */
  REQUEST_HOLDER_KEY_RECOVERY(OperatorRole.ENTRY_CLERK),
  /** Approve or reject a holder's key recovery after checking who they are (CPS §7.1.3.8). */
  DECIDE_HOLDER_KEY_RECOVERY(OperatorRole.REVIEWER),
  /**
   * Ask for, approve or reject an accountability/judicial key recovery (问责取证, CPS §7.1.3.8 item 2),
   * and collect its envelope for the designated recipient: the work of the key administrators
   * (密钥管理员, §7.5.1.2 item 4 (2) duty 5: "配合获得授权的国家机构…进行密钥查询和恢复"), whom §6.5.2 names as the five key
   * custodians; one asks and two others approve, three custodians as for any key recovery (§7.5.1.2
   * item 2).
   */
  JUDICIAL_KEY_RECOVERY(OperatorRole.KEY_CUSTODIAN),
  VIEW_APPLICATIONS(
      OperatorRole.ENTRY_CLERK,
      OperatorRole.REVIEWER,
      OperatorRole.ARCHIVE_ADMIN,
      OperatorRole.UNIT_ADMIN),
  VIEW_CERTIFICATES(
      OperatorRole.ENTRY_CLERK,
      OperatorRole.REVIEWER,
      OperatorRole.ARCHIVE_ADMIN,
      OperatorRole.UNIT_ADMIN,
      OperatorRole.SECURITY_ADMIN),
  VIEW_AUDIT(OperatorRole.AUDITOR),
  /** Register e-gov systems, their subscriptions and query-service credentials (R21–R23). */
  MANAGE_EGOV_SYSTEMS(OperatorRole.SECURITY_ADMIN),
  /** Register remote RA systems and the application units they may issue for (CPS §7.3.2). */
  MANAGE_REMOTE_RAS(OperatorRole.SECURITY_ADMIN),
  /** Ask for and approve CA key rollovers (CPS §6.5.1.6); always under dual control. */
  MANAGE_CA_KEYS(OperatorRole.SECURITY_ADMIN),
  /**
   * Host a key ceremony at the console and witness it (activation, backup, restore and destruction
   * of a CA key, re-sharing, revocation of a CA): the key custodians present operate, each typing
   * their own username and the PIN of their share, and the security administrator supervises and
   * records ("保证至少一人操作，一人监督记录", CPS §6.5.1.2 item 2, §7.5.1.2 item 2; the security administrator
   * "监督、检查安全运营和生产活动", §7.5.1.2 item 4 (1)). Hosting opens nothing: the three custodians' shares
   * decide what the ceremony may do (§6.5.2.2, §6.5.2.4).
   */
  HOST_KEY_CEREMONY(OperatorRole.SECURITY_ADMIN),
  /**
   * See and decide the supervised actions another operator asked for (dual control); deciding one
   * also needs that action's own permission.
   */
  APPROVE_REQUESTS(OperatorRole.SECURITY_ADMIN),
  /** See the delivery queues and retry one (the system maintainer keeps delivery running). */
  MANAGE_DELIVERIES(OperatorRole.SYSTEM_MAINTAINER);

  private final Set<OperatorRole> grantedTo;

  Permission(OperatorRole first, OperatorRole... more) {
    this.grantedTo = EnumSet.of(first, more);
  }

  public boolean grantedToAnyOf(Set<OperatorRole> roles) {
    return roles.stream().anyMatch(grantedTo::contains);
  }

  public Set<OperatorRole> grantedTo() {
    return EnumSet.copyOf(grantedTo);
  }

  /** Whether operators with this permission see only the data of their own application unit. */
  public static boolean scopedToUnit(Set<OperatorRole> roles) {
    return roles.contains(OperatorRole.UNIT_ADMIN);
  }
}
