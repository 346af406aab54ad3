package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.egovca.ca.application.CaKeyRolloverView;
import org.egovca.ca.application.CaKeyRollovers;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.PemCertificates;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.ra.application.KeyCeremonyApprovals;

/**
 * The ceremony in which three key custodians roll a CA's key over (CPS §6.5.1.6, §7.5.1.2 item 2):
 * two security administrators decided it under dual control, and only with the custodians present
 * does the token make the new key. The rollover, its certificates kept as the approved request's
 * result, and the ceremony's record commit together.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CaKeyRolloverCeremony {

  @Inject private CaToken cryptoToken;
  @Inject private CeremonyRecords records;
  @Inject private CustodianQuorum quorums;
  @Inject private KeyCeremonyApprovals approvals;
  @Inject private CaKeyRollovers rollovers;

  /**
   * Carries out the approved CA key rollover request {@code requestId}.
   *
   * @return the ceremony's record
   * @throws Refusal if the custodians are refused, the request is no approved rollover waiting for
   *     its ceremony, or the rollover is refused (a revoked CA; the token offline)
   */
  public long rollOver(long requestId, List<CustodianPresence> custodians, CeremonySource source) {
    return rollOver(requestId, custodians, source, null);
  }

  /** As {@link #rollOver(long, List, CeremonySource)}, hosted at the console by {@code host}. */
  public long rollOver(
      long requestId, List<CustodianPresence> custodians, CeremonySource source, String host) {
    CeremonyRun run =
        new CeremonyRun(
                CeremonyKind.CA_KEY_ROLLOVER,
                cryptoToken.token().name(),
                source,
                custodians,
                records)
            .hostedBy(host);
    return run.run(
        () -> {
          try (CustodianQuorum.Quorum quorum = quorums.open(run)) {
            return records.heldFor(
                run,
                null,
                "request=" + requestId,
                ceremony -> {
                  KeyCeremonyApprovals.AwaitingRollover approved = approvals.rollover(requestId);
                  CaKeyRolloverView view =
                      rollovers.rollOver(approved.caName(), CeremonyRecords.actor(run.usernames()));
                  // NewWithNew, NewWithOld, OldWithNew, in this order
                  approved.carriedOut(
                      PemCertificates.of(view.newWithNew(), view.newWithOld(), view.oldWithNew()));
                });
          }
        });
  }
}
