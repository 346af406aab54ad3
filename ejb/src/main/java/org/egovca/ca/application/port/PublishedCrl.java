package org.egovca.ca.application.port;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What a publisher needs to know about one CRL.
 *
 * @param caName the name of the CA that issued it
 * @param issuerDn the issuer DN in RFC 4514 form (the CA's subject, which names the CA's entry)
 * @param crlNumber the CRL number
 * @param kind which attribute of the CA's entry carries it
 * @param encoded the DER encoding of the CRL
 */
public record PublishedCrl(
    String caName, String issuerDn, BigInteger crlNumber, Kind kind, byte[] encoded) {

  /** The three kinds of revocation list a CA's directory entry carries (RFC 4523). */
  public enum Kind {
    /** A full CRL of end-entity certificates: {@code certificateRevocationList;binary}. */
    CRL,
    /** A CRL of CA certificates, issued by a root: {@code authorityRevocationList;binary}. */
    ARL,
    /** A delta CRL: {@code deltaRevocationList;binary}. */
    DELTA
  }

  public PublishedCrl {
    Objects.requireNonNull(caName, "caName");
    Objects.requireNonNull(issuerDn, "issuerDn");
    Objects.requireNonNull(crlNumber, "crlNumber");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(encoded, "encoded");
    encoded = encoded.clone();
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }
}
