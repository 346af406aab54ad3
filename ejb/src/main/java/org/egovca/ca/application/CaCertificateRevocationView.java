package org.egovca.ca.application;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.egovca.ca.domain.CaRevocationReason;

/**
 * What a revocation of a CA's certificates did, for the ceremony's record.
 *
 * @param caName the revoked CA
 * @param revokedSerials the certificates its parent had issued to it, now revoked
 * @param crlNumbers the numbers of the parent's CRLs (ARLs) issued with the revocation, one per
 *     parent key that had signed one of them
 */
public record CaCertificateRevocationView(
    String caName,
    Instant revokedAt,
    CaRevocationReason reason,
    long ceremonyId,
    List<BigInteger> revokedSerials,
    List<Long> crlNumbers) {

  public CaCertificateRevocationView {
    revokedSerials = List.copyOf(revokedSerials);
    crlNumbers = List.copyOf(crlNumbers);
  }
}
