package org.egovca.ca.application;

import java.math.BigInteger;
import org.egovca.ca.domain.RevocationReason;

/**
 * Fired inside the revoking transaction; observers act after commit: the OCSP cache forgets the
 * certificate's "good" answer and a CRL is scheduled (at once for a key compromise), signed by the
 * CA key that issued the certificate. The delivery queues record its deliveries in the revoking
 * transaction itself.
 */
public record CertificateRevoked(
    String caName,
    int caKeyIndex,
    BigInteger serialNumber,
    RevocationReason reason,
    long certificateId) {}
