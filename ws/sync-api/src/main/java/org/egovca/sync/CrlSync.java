package org.egovca.sync;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A CRL sync message: the CA issued a new CRL (R22). Its business type is always {@link
 * BusinessType#CRL}. Instants are truncated to whole seconds, as in {@link CertificateSync}.
 *
 * @param messageId a random UUID in lower-case canonical form; the same on every retry
 * @param recipient the e-gov system the CA made this message for
 * @param caName the issuing CA's name
 * @param crl the CRL, DER
 * @param crlNumber the CRL's cRLNumber in decimal without leading zeros
 * @param thisUpdate as in the CRL
 * @param nextUpdate as in the CRL
 * @param syncTime when the CA created this message
 */
public record CrlSync(
    String messageId,
    Recipient recipient,
    String caName,
    byte[] crl,
    String crlNumber,
    Instant thisUpdate,
    Instant nextUpdate,
    Instant syncTime) {

  /**
   * Checks the fields against the rules of the interface.
   *
   * @throws IllegalArgumentException naming the first field that breaks them
   */
  public CrlSync {
    MessageFields.matching("messageId", messageId, MessageFields.MESSAGE_ID);
    MessageFields.required("recipient", recipient);
    MessageFields.matching("caName", caName, MessageFields.CA_NAME);
    crl = MessageFields.der("crl", crl);
    MessageFields.matching("crlNumber", crlNumber, MessageFields.CRL_NUMBER);
    thisUpdate = MessageFields.instant("thisUpdate", thisUpdate);
    nextUpdate = MessageFields.instant("nextUpdate", nextUpdate);
    syncTime = MessageFields.instant("syncTime", syncTime);
  }

  /** Always {@link BusinessType#CRL}; part of the canonical payload like every other field. */
  public BusinessType businessType() {
    return BusinessType.CRL;
  }

  /** The CRL, DER (a copy). */
  @Override
  public byte[] crl() {
    return crl.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CrlSync that
        && messageId.equals(that.messageId)
        && recipient.equals(that.recipient)
        && caName.equals(that.caName)
        && Arrays.equals(crl, that.crl)
        && crlNumber.equals(that.crlNumber)
        && thisUpdate.equals(that.thisUpdate)
        && nextUpdate.equals(that.nextUpdate)
        && syncTime.equals(that.syncTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, Arrays.hashCode(crl), syncTime);
  }

  /** Identifies the message without the CRL, so that logs stay small. */
  @Override
  public String toString() {
    return "CrlSync[messageId="
        + messageId
        + ", recipient="
        + recipient
        + ", caName="
        + caName
        + ", crlNumber="
        + crlNumber
        + "]";
  }
}
