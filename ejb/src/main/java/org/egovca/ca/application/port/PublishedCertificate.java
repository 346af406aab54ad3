package org.egovca.ca.application.port;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What a publisher needs to know about one certificate.
 *
 * @param caName the CA name of the issuer (for a CA certificate: of the CA itself)
 * @param subjectDn the subject DN in RFC 4514 form as encoded in the certificate
 * @param serialNumber the certificate serial number
 * @param encoded the DER encoding of the certificate
 */
public record PublishedCertificate(
    String caName, String subjectDn, BigInteger serialNumber, byte[] encoded) {

  public PublishedCertificate {
    Objects.requireNonNull(caName, "caName");
    Objects.requireNonNull(subjectDn, "subjectDn");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(encoded, "encoded");
    encoded = encoded.clone();
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }
}
