package org.egovca.ca.x509.crl;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One revoked certificate as a CRL lists it (RFC 5280 §5.1.2.6 and §5.3, GM/T 0015 §5.3).
 *
 * <p>The constructor checks everything that can be checked without the CRL around it, so that a bad
 * entry is refused where it is made and not half-way through writing a million-entry CRL. Times are
 * cut to whole seconds, the precision a CRL carries, so the accessors show what will be written.
 *
 * @param serialNumber the certificate's serial number: positive and at most 20 octets, as RFC 5280
 *     §4.1.2.2 requires of the serial numbers this CA issues
 * @param revocationDate when the CA revoked the certificate
 * @param reasonCode the RFC 5280 §5.3.1 CRLReason value, or null to omit the reasonCode extension,
 *     which GM/T 0015 asks for when the reason is unknown. RFC 5280 prefers an absent reasonCode to
 *     unspecified (0); 0 is still accepted and written as given, so that a stored reason never
 *     stops a CRL from being issued. removeFromCRL (8) is only accepted in delta CRLs, which the
 *     writer checks
 * @param invalidityDate when the key is known or suspected to have been compromised or the
 *     certificate otherwise became invalid (RFC 5280 §5.3.2), or null to omit the extension
 */
public record RevokedEntry(
    BigInteger serialNumber, Instant revocationDate, Integer reasonCode, Instant invalidityDate) {

  /** RFC 5280 §5.3.1 removeFromCRL, only meaningful in delta CRLs. */
  public static final int REMOVE_FROM_CRL = 8;

  /** Longest serial number a conforming CA issues (RFC 5280 §4.1.2.2), in octets. */
  static final int MAX_SERIAL_OCTETS = 20;

  /**
   * Checks the entry and cuts its times to seconds.
   *
   * @throws IllegalArgumentException if the serial number is not positive or longer than 20 octets,
   *     the reason is not a CRLReason value (0–10 except the unused 7), or a time is outside the
   *     years 0001–9999
   */
  public RevokedEntry {
    Objects.requireNonNull(serialNumber, "serialNumber");
    if (serialNumber.signum() <= 0) {
      throw new IllegalArgumentException(
          "certificate serial number must be positive (RFC 5280 §4.1.2.2): " + serialNumber);
    }
    // A positive INTEGER takes bitLength / 8 + 1 content octets (a leading 0 when the top bit is
    // 1).
    if (serialNumber.bitLength() / 8 + 1 > MAX_SERIAL_OCTETS) {
      throw new IllegalArgumentException(
          "certificate serial number longer than 20 octets (RFC 5280 §4.1.2.2): 0x"
              + serialNumber.toString(16));
    }
    revocationDate = DerTime.toSeconds(revocationDate, "revocationDate");
    if (reasonCode != null && (reasonCode < 0 || reasonCode > 10 || reasonCode == 7)) {
      throw new IllegalArgumentException(
          "reason code "
              + reasonCode
              + " of certificate 0x"
              + serialNumber.toString(16)
              + " is not an RFC 5280 CRLReason value (0-6, 8-10)");
    }
    if (invalidityDate != null) {
      invalidityDate = DerTime.toSeconds(invalidityDate, "invalidityDate");
    }
  }

  /** An entry without reasonCode and invalidityDate. */
  public static RevokedEntry of(BigInteger serialNumber, Instant revocationDate) {
    return new RevokedEntry(serialNumber, revocationDate, null, null);
  }

  /** An entry with a reasonCode and without invalidityDate. */
  public static RevokedEntry of(BigInteger serialNumber, Instant revocationDate, int reasonCode) {
    return new RevokedEntry(serialNumber, revocationDate, reasonCode, null);
  }
}
