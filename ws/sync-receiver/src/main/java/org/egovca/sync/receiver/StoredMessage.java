package org.egovca.sync.receiver;

import java.time.Instant;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CertificateStatus;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;

/**
 * What the receiver lists about a stored message (the file keeps everything, certificate or CRL and
 * signature included).
 *
 * @param arrival the receiver's arrival number: later messages have larger numbers
 * @param receivedAt when the receiver stored it
 * @param serialNumber for a certificate, else null
 * @param status for a certificate, else null
 * @param crlNumber for a CRL, else null
 */
public record StoredMessage(
    long arrival,
    Instant receivedAt,
    Kind kind,
    String messageId,
    BusinessType businessType,
    String caName,
    String serialNumber,
    CertificateStatus status,
    String crlNumber,
    Instant syncTime) {

  /** Which operation delivered the message. */
  public enum Kind {
    CERTIFICATE,
    CRL
  }

  static StoredMessage of(long arrival, Instant receivedAt, CertificateSync message) {
    return new StoredMessage(
        arrival,
        receivedAt,
        Kind.CERTIFICATE,
        message.messageId(),
        message.businessType(),
        message.caName(),
        message.serialNumber(),
        message.status(),
        null,
        message.syncTime());
  }

  static StoredMessage of(long arrival, Instant receivedAt, CrlSync message) {
    return new StoredMessage(
        arrival,
        receivedAt,
        Kind.CRL,
        message.messageId(),
        BusinessType.CRL,
        message.caName(),
        null,
        null,
        message.crlNumber(),
        message.syncTime());
  }
}
