package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.egovca.ca.application.CaCertificateRevocation;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CaRevocationReason;
import org.egovca.ca.domain.Refusal;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;

/**
 * The ceremony in which three key custodians have the root revoke a subordinate CA's certificate
 * (CPS §6.5.1.8.3 item 3: the CA's key is compromised; §7.5.1.9: the CA ends its service). No
 * single person, security administrator included, can stop a CA this way; the revocation (the
 * root's ARL, OCSP, the directory, the e-gov systems) commits in the transaction of the ceremony's
 * record.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CaRevocationCeremony {

  @Inject private CaToken cryptoToken;
  @Inject private CeremonyRecords records;
  @Inject private CustodianQuorum quorums;
  @Inject private CaCertificateRevocation revocation;

  /**
   * Revokes the certificates of CA {@code caName} for {@code reason}.
   *
   * @return the ceremony's record
   * @throws Refusal if the custodians are refused, or the revocation is (an unknown, root or
   *     revoked CA; the token offline)
   */
  public long revoke(
      String caName,
      CaRevocationReason reason,
      List<CustodianPresence> custodians,
      CeremonySource source) {
    return revoke(caName, reason, custodians, source, null);
  }

  /**
   * As {@link #revoke(String, CaRevocationReason, List, CeremonySource)}, hosted at the console by
   * {@code host}.
   */
  public long revoke(
      String caName,
      CaRevocationReason reason,
      List<CustodianPresence> custodians,
      CeremonySource source,
      String host) {
    CeremonyRun run =
        new CeremonyRun(
                CeremonyKind.CA_REVOCATION, cryptoToken.token().name(), source, custodians, records)
            .hostedBy(host);
    return run.run(
        () -> {
          try (CustodianQuorum.Quorum quorum = quorums.open(run)) {
            return records.heldFor(
                run,
                null,
                "ca=" + caName + ", reason=" + reason,
                ceremony ->
                    revocation.revoke(
                        caName, reason, ceremony.getId(), CeremonyRecords.actor(run.usernames())));
          }
        });
  }
}
