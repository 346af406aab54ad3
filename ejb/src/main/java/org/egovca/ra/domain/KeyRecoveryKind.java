package org.egovca.ra.domain;

/**
 * The two kinds of key recovery of CPS §7.1.3.8 (密钥恢复): the escrowed encryption key of a
 * certificate, enveloped anew for the holder who lost it, or for an authority that has the legal
 * right to it. Each names who asks, who approves and how many approvals carry it out.
 */
public enum KeyRecoveryKind {
  /**
   * 证书持有者密钥恢复: the holder asks at the counter; an entry clerk records it, a reviewer who did not
   * enter it approves after checking the holder's identity; the envelope is made for the holder's
   * current signing key.
   */
  HOLDER(Permission.REQUEST_HOLDER_KEY_RECOVERY, Permission.DECIDE_HOLDER_KEY_RECOVERY, 1),
  /**
   * 问责取证密钥恢复: a key custodian records the requesting authority and its legal basis; two other key
   * custodians approve, so three custodians act together as for any key recovery (CPS §7.5.1.2 item
   * 2); the envelope is made for the designated recipient certificate's key.
   */
  JUDICIAL(Permission.JUDICIAL_KEY_RECOVERY, Permission.JUDICIAL_KEY_RECOVERY, 2);

  private final Permission request;
  private final Permission decide;
  private final int approvalsNeeded;

  KeyRecoveryKind(Permission request, Permission decide, int approvalsNeeded) {
    this.request = request;
    this.decide = decide;
    this.approvalsNeeded = approvalsNeeded;
  }

  /** What the operator who records the recovery must be allowed. */
  public Permission requestPermission() {
    return request;
  }

  /** What an operator who approves or rejects it must be allowed. */
  public Permission decidePermission() {
    return decide;
  }

  /** How many different operators, none of them the one who asked, must approve. */
  public int approvalsNeeded() {
    return approvalsNeeded;
  }
}
