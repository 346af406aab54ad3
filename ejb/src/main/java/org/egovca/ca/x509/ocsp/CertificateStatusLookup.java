package org.egovca.ca.x509.ocsp;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.CertID;

/**
 * The port through which the responder learns which CAs it answers for and the status of their
 * certificates. The service layer implements it from the database; the responder core stays free of
 * persistence.
 *
 * <p>Implementations must be thread-safe. Any exception they throw makes the responder answer
 * {@code internalError}, never a status it cannot vouch for.
 */
public interface CertificateStatusLookup {

  /**
   * The issuer that {@code certId} names through its issuerNameHash and issuerKeyHash, if this
   * responder serves it. {@link ResponderIssuers#find} does the matching for a fixed set of
   * issuers; a CertID with an unsupported hash algorithm matches none.
   */
  Optional<ResponderIssuer> issuerOf(CertID certId);

  /**
   * The status of the certificate with {@code serialNumber} issued by {@code issuer}: {@link
   * OcspCertStatus#GOOD}, {@link OcspCertStatus#revoked}, or {@link OcspCertStatus#UNKNOWN} if that
   * CA never issued the serial.
   */
  OcspCertStatus status(ResponderIssuer issuer, BigInteger serialNumber);
}
