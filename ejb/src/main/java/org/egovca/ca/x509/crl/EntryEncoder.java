package org.egovca.ca.x509.crl;

import java.math.BigInteger;

/**
 * Encodes one revokedCertificates element by hand:
 *
 * <pre>
 * SEQUENCE { userCertificate INTEGER, revocationDate Time,
 *            crlEntryExtensions SEQUENCE OF Extension OPTIONAL }
 * </pre>
 *
 * <p>with the entry extensions in BouncyCastle's order: reasonCode (2.5.29.21, ENUMERATED), then
 * invalidityDate (2.5.29.24, GeneralizedTime), both non-critical; no extensions field at all when
 * neither is present. Its length is computed without encoding, for the first pass. The encoding
 * goes into one reused buffer, so a million entries allocate nothing here.
 */
final class EntryEncoder {

  /** OID 2.5.29.21 id-ce-cRLReasons, as TLV. */
  private static final byte[] REASON_CODE_OID = {Der.OBJECT_IDENTIFIER, 3, 0x55, 0x1d, 0x15};

  /** OID 2.5.29.24 id-ce-invalidityDate, as TLV. */
  private static final byte[] INVALIDITY_DATE_OID = {Der.OBJECT_IDENTIFIER, 3, 0x55, 0x1d, 0x18};

  /** Extension { OID, OCTET STRING { ENUMERATED (one octet) } }. */
  private static final int REASON_CODE_LENGTH = 2 + REASON_CODE_OID.length + 2 + 3;

  /** Extension { OID, OCTET STRING { GeneralizedTime } }. */
  private static final int INVALIDITY_DATE_LENGTH =
      2 + INVALIDITY_DATE_OID.length + 2 + DerTime.GENERALIZED_TIME_LENGTH;

  /** Enough for the longest entry: 20-octet serial, GeneralizedTime, both extensions. */
  private static final int MAX_LENGTH = 128;

  private final boolean deltaCrl;
  private final byte[] buffer = new byte[MAX_LENGTH];

  /** An encoder for the entries of a delta CRL ({@code deltaCrl}) or of a complete CRL. */
  EntryEncoder(boolean deltaCrl) {
    this.deltaCrl = deltaCrl;
  }

  /**
   * Encoded length of {@code entry}'s SEQUENCE, after checking it fits this CRL.
   *
   * @throws IllegalArgumentException if a complete CRL gets a removeFromCRL entry
   */
  int length(RevokedEntry entry) {
    if (!deltaCrl
        && entry.reasonCode() != null
        && entry.reasonCode() == RevokedEntry.REMOVE_FROM_CRL) {
      throw new IllegalArgumentException(
          "certificate 0x"
              + entry.serialNumber().toString(16)
              + " has reason removeFromCRL (8), which RFC 5280 §5.3.1 allows only in delta CRLs");
    }
    return (int) Der.tlvLength(contentLength(entry));
  }

  /**
   * Encodes {@code entry} into {@link #buffer()} from position 0.
   *
   * @return the number of octets written, the same as {@link #length}
   */
  int encode(RevokedEntry entry) {
    int length = length(entry);
    int position = Der.putHeader(buffer, 0, Der.SEQUENCE, contentLength(entry));
    byte[] serial = entry.serialNumber().toByteArray();
    position = Der.putHeader(buffer, position, Der.INTEGER, serial.length);
    System.arraycopy(serial, 0, buffer, position, serial.length);
    position += serial.length;
    position = DerTime.putTime(buffer, position, entry.revocationDate().getEpochSecond());
    int extensions = extensionsLength(entry);
    if (extensions > 0) {
      position = Der.putHeader(buffer, position, Der.SEQUENCE, extensions);
      if (entry.reasonCode() != null) {
        position = putExtensionStart(buffer, position, REASON_CODE_OID, REASON_CODE_LENGTH);
        position = Der.putHeader(buffer, position, Der.OCTET_STRING, 3);
        position = Der.putHeader(buffer, position, Der.ENUMERATED, 1);
        buffer[position++] = (byte) entry.reasonCode().intValue();
      }
      if (entry.invalidityDate() != null) {
        position = putExtensionStart(buffer, position, INVALIDITY_DATE_OID, INVALIDITY_DATE_LENGTH);
        position =
            Der.putHeader(buffer, position, Der.OCTET_STRING, DerTime.GENERALIZED_TIME_LENGTH);
        position =
            DerTime.putGeneralizedTime(buffer, position, entry.invalidityDate().getEpochSecond());
      }
    }
    if (position != length) {
      throw new IllegalStateException(
          "entry encoding length mismatch: " + position + " != " + length);
    }
    return length;
  }

  /** The buffer {@link #encode} writes into; valid until the next call. */
  byte[] buffer() {
    return buffer;
  }

  private static int contentLength(RevokedEntry entry) {
    int extensions = extensionsLength(entry);
    return serialLength(entry.serialNumber())
        + DerTime.timeLength(entry.revocationDate().getEpochSecond())
        + (extensions > 0 ? (int) Der.tlvLength(extensions) : 0);
  }

  /** INTEGER TLV of a positive serial of at most 20 octets (checked by {@link RevokedEntry}). */
  private static int serialLength(BigInteger serial) {
    return 2 + serial.bitLength() / 8 + 1;
  }

  /** Content length of crlEntryExtensions, 0 when the entry has none. */
  private static int extensionsLength(RevokedEntry entry) {
    return (entry.reasonCode() != null ? REASON_CODE_LENGTH : 0)
        + (entry.invalidityDate() != null ? INVALIDITY_DATE_LENGTH : 0);
  }

  private static int putExtensionStart(byte[] buffer, int position, byte[] oid, int length) {
    position = Der.putHeader(buffer, position, Der.SEQUENCE, length - 2);
    System.arraycopy(oid, 0, buffer, position, oid.length);
    return position + oid.length;
  }
}
