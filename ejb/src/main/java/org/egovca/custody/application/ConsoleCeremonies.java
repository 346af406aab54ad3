package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.ConsoleAccess;
import org.egovca.ra.application.KeyCeremonyApprovals;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * Key ceremonies at the console (issue 13 item 2): a security administrator hosts and witnesses the
 * ceremony in their own console session ({@link Permission#HOST_KEY_CEREMONY}), and the custodians
 * present each type their own username and the PIN of their share, as they would at the CA's own
 * machine ({@code ear/bin/egovca ceremony}). The ceremony is the same one, recorded with the source
 * {@code CONSOLE} and its host, whatever its outcome; hosting opens nothing, the custodians' shares
 * decide what it may do. An operator without the permission is refused (NOT_AUTHORIZED) and the
 * refusal audited as {@link AuditAction#KEY_CEREMONY_HOSTED}, before any PIN is looked at.
 *
 * <p>The access check runs in this method's transaction; the ceremony itself runs outside it (its
 * services suspend it: each share costs an Argon2id derivation) and commits its record on its own.
 */
@Stateless
public class ConsoleCeremonies {

  @Inject private ConsoleAccess access;
  @Inject private AuditLog auditLog;
  @Inject private KeyCeremonyApprovals approvals;
  @Inject private KeyCeremonies keys;
  @Inject private CaKeyCeremonies caKeys;
  @Inject private Resharing resharing;
  @Inject private CaRevocationCeremony caRevocation;
  @Inject private CaKeyRolloverCeremony caKeyRollover;

  /**
   * Holds the ceremony {@code kind}, hosted by the operator of {@code token}. The PINs of {@code
   * custodians} are cleared when it returns, whatever the outcome.
   *
   * @param parameters what the kind takes ({@link ConsoleCeremony#parameters()}), by name
   * @param custodians the custodians present, in the order they presented themselves
   * @param remoteAddress the address of the host's browser: a ceremony is held only at a browser on
   *     the CA's own machine (loopback), as at the command line, so that the custodians stand at
   *     the CA and their PINs reach no other workstation
   * @return the ceremony's record id
   * @throws Refusal NOT_AUTHORIZED (audited) without the permission or from another machine;
   *     SESSION_ENDED without an open session; INVALID_INPUT naming the field when a parameter or a
   *     PIN is missing (nothing is recorded); else what the ceremony refused, recorded as a failed
   *     ceremony
   */
  public long hold(
      String token,
      ConsoleCeremony kind,
      Map<String, String> parameters,
      List<CustodianPresence> custodians,
      String remoteAddress) {
    try {
      String target = kind == null ? null : "ceremony:" + kind.path();
      Operator host =
          access.require(
              token, Permission.HOST_KEY_CEREMONY, AuditAction.KEY_CEREMONY_HOSTED, target);
      if (!CeremonyCallers.isLoopback(remoteAddress)) {
        String detail =
            "key ceremonies are held at a browser on the CA's own machine, not from "
                + remoteAddress;
        auditLog.refusal(
            ConsoleAccess.actor(host),
            AuditAction.KEY_CEREMONY_HOSTED,
            target,
            AuditOutcome.DENIED,
            detail);
        throw new Refusal(RefusalCode.NOT_AUTHORIZED, detail);
      }
      if (kind == null) {
        throw Refusal.invalid("kind", "ceremony.kindMissing", "choose the kind of ceremony");
      }
      requirePins(custodians);
      return kind.hold(
          new CeremonyServices(keys, caKeys, resharing, caRevocation, caKeyRollover),
          new CeremonyParameters(parameters),
          custodians,
          host.getUsername());
    } finally {
      if (custodians != null) {
        custodians.forEach(CustodianPresence::clear);
      }
    }
  }

  /**
   * What the approved CA key rollover request {@code request} asks for, for the custodians to read
   * at the console before they type their PINs ({@link KeyCeremonyApprovals#describe}).
   *
   * @throws Refusal NOT_AUTHORIZED (audited) without the permission; INVALID_INPUT for a request
   *     that is no number; NOT_FOUND or WRONG_STATE for one that waits for no ceremony
   */
  public String describeRollover(String token, String request) {
    access.require(
        token,
        Permission.HOST_KEY_CEREMONY,
        AuditAction.KEY_CEREMONY_HOSTED,
        "ceremony:" + ConsoleCeremony.ROLLOVER.path());
    return approvals.describe(
        new CeremonyParameters(
                request == null ? Map.of() : Map.of(CeremonyParameters.REQUEST, request))
            .number(CeremonyParameters.REQUEST));
  }

  /**
   * A custodian without a username or a PIN is refused before the ceremony: an empty PIN would
   * count as a wrong one towards their lockout. The field named is {@code custodian<n>} or {@code
   * pin<n>}, n counting the custodians from 0.
   */
  private static void requirePins(List<CustodianPresence> custodians) {
    if (custodians == null || custodians.isEmpty()) {
      throw Refusal.invalid(
          null,
          "ceremony.noCustodian",
          "no key custodian is present: each types their username and the PIN of their share");
    }
    for (int i = 0; i < custodians.size(); i++) {
      CustodianPresence custodian = custodians.get(i);
      if (custodian.username().isBlank()) {
        throw Refusal.invalid(
            "custodian" + i,
            "ceremony.usernameMissing",
            "custodian number " + (i + 1) + " typed a PIN but no username");
      }
      if (custodian.pin().length == 0) {
        throw Refusal.invalid(
            "pin" + i, "ceremony.pinMissing", "custodian number " + (i + 1) + " typed no PIN");
      }
    }
  }
}
