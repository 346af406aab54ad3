package org.egovca.sync;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate sync message: a certificate was issued, renewed, re-keyed or revoked (R21).
 *
 * <p>Instants are truncated to whole seconds, the precision of X.509 and of the canonical payload,
 * so that what is signed and what is sent are the same value.
 *
 * @param messageId a random UUID in lower-case canonical form; the same on every retry, so that the
 *     receiver applies the message exactly once
 * @param recipient the e-gov system the CA made this message for; a receiver applies only messages
 *     that name itself
 * @param businessType ISSUE, RENEW, REKEY or REVOKE
 * @param caName the issuing CA's name (ASCII letters, digits, {@code . _ -}; at most 64)
 * @param holder the holder's basic information
 * @param certificate the certificate, DER
 * @param serialNumber the certificate's serial number in lower-case hex without leading zeros
 *     ({@code BigInteger.toString(16)})
 * @param status the certificate's status at sync time
 * @param notBefore start of validity, as in the certificate
 * @param notAfter end of validity, as in the certificate
 * @param revokedAt when it was revoked; present exactly when status is REVOKED
 * @param revocationReason the RFC 5280 name of the reason (for example {@code keyCompromise}); only
 *     when REVOKED, and null when the CA publishes no reason code
 * @param syncTime when the CA created this message
 */
public record CertificateSync(
    String messageId,
    Recipient recipient,
    BusinessType businessType,
    String caName,
    HolderInfo holder,
    byte[] certificate,
    String serialNumber,
    CertificateStatus status,
    Instant notBefore,
    Instant notAfter,
    Instant revokedAt,
    String revocationReason,
    Instant syncTime) {

  /**
   * Checks the fields against the rules of the interface.
   *
   * @throws IllegalArgumentException naming the first field that breaks them
   */
  public CertificateSync {
    MessageFields.matching("messageId", messageId, MessageFields.MESSAGE_ID);
    MessageFields.required("recipient", recipient);
    if (MessageFields.required("businessType", businessType) == BusinessType.CRL) {
      throw new IllegalArgumentException("businessType CRL is for CRL sync messages");
    }
    MessageFields.matching("caName", caName, MessageFields.CA_NAME);
    MessageFields.required("holder", holder);
    certificate = MessageFields.der("certificate", certificate);
    MessageFields.matching("serialNumber", serialNumber, MessageFields.SERIAL_NUMBER);
    MessageFields.required("status", status);
    notBefore = MessageFields.instant("notBefore", notBefore);
    notAfter = MessageFields.instant("notAfter", notAfter);
    revokedAt = MessageFields.optionalInstant("revokedAt", revokedAt);
    revocationReason =
        revocationReason == null || revocationReason.isEmpty() ? null : revocationReason;
    syncTime = MessageFields.instant("syncTime", syncTime);
    checkRevocation(businessType, status, revokedAt, revocationReason);
  }

  private static void checkRevocation(
      BusinessType businessType, CertificateStatus status, Instant revokedAt, String reason) {
    if (businessType == BusinessType.REVOKE && status != CertificateStatus.REVOKED) {
      throw new IllegalArgumentException("businessType REVOKE needs status REVOKED");
    }
    if ((status == CertificateStatus.REVOKED) != (revokedAt != null)) {
      throw new IllegalArgumentException("revokedAt is present exactly when status is REVOKED");
    }
    if (reason != null) {
      if (status != CertificateStatus.REVOKED) {
        throw new IllegalArgumentException("revocationReason is only for status REVOKED");
      }
      if (CrlReason.ofName(reason).isEmpty()) {
        throw new IllegalArgumentException(
            "revocationReason must be an RFC 5280 CRLReason name such as keyCompromise");
      }
    }
  }

  /** The certificate, DER (a copy). */
  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificateSync that
        && messageId.equals(that.messageId)
        && recipient.equals(that.recipient)
        && businessType == that.businessType
        && caName.equals(that.caName)
        && holder.equals(that.holder)
        && Arrays.equals(certificate, that.certificate)
        && serialNumber.equals(that.serialNumber)
        && status == that.status
        && notBefore.equals(that.notBefore)
        && notAfter.equals(that.notAfter)
        && Objects.equals(revokedAt, that.revokedAt)
        && Objects.equals(revocationReason, that.revocationReason)
        && syncTime.equals(that.syncTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, Arrays.hashCode(certificate), syncTime);
  }

  /** Identifies the message without the certificate, so that logs stay small. */
  @Override
  public String toString() {
    return "CertificateSync[messageId="
        + messageId
        + ", recipient="
        + recipient
        + ", businessType="
        + businessType
        + ", caName="
        + caName
        + ", serialNumber="
        + serialNumber
        + ", status="
        + status
        + "]";
  }
}
