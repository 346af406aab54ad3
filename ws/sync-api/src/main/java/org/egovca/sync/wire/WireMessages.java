package org.egovca.sync.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateStatus;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.HolderInfo;
import org.egovca.sync.Recipient;
import org.egovca.sync.SyncFaultCode;
import org.egovca.sync.SyncOutcome;
import org.egovca.sync.ws.CertificateBusinessType;
import org.egovca.sync.ws.CrlBusinessType;
import org.egovca.sync.ws.HolderBasicInfo;
import org.egovca.sync.ws.Outcome;
import org.egovca.sync.ws.SyncCertificate;
import org.egovca.sync.ws.SyncCertificateResponse;
import org.egovca.sync.ws.SyncCrl;
import org.egovca.sync.ws.SyncCrlResponse;
import org.egovca.sync.ws.SyncFault;
import org.egovca.sync.ws.SyncFaultDetail;
import org.egovca.sync.ws.SyncReceipt;

/**
 * Maps sync messages to the generated JAXB types and back. Reading checks everything the messages
 * check and throws {@link IllegalArgumentException} naming the field, which a receiver answers with
 * MALFORMED; in particular an xs:dateTime without a time zone is refused rather than read in the
 * receiver's local zone, which would change the signed instant.
 */
public final class WireMessages {

  /** The JDK's factory keeps no state between calls. */
  private static final DatatypeFactory XSD_TYPES = DatatypeFactory.newDefaultInstance();

  private WireMessages() {}

  /** The request that delivers a certificate sync message with its signature. */
  public static SyncCertificate request(CertificateSync message, byte[] signature) {
    SyncCertificate request = new SyncCertificate();
    request.setMessageId(message.messageId());
    request.setRecipient(recipient(message.recipient()));
    request.setBusinessType(CertificateBusinessType.fromValue(message.businessType().name()));
    request.setCaName(message.caName());
    request.setHolder(holder(message.holder()));
    request.setCertificate(message.certificate());
    request.setSerialNumber(message.serialNumber());
    request.setStatus(org.egovca.sync.ws.CertificateStatus.fromValue(message.status().name()));
    request.setNotBefore(xsdDateTime(message.notBefore()));
    request.setNotAfter(xsdDateTime(message.notAfter()));
    request.setRevokedAt(xsdDateTime(message.revokedAt()));
    request.setRevocationReason(message.revocationReason());
    request.setSyncTime(xsdDateTime(message.syncTime()));
    request.setSignature(signature.clone());
    return request;
  }

  /** The request that delivers a CRL sync message with its signature. */
  public static SyncCrl request(CrlSync message, byte[] signature) {
    SyncCrl request = new SyncCrl();
    request.setMessageId(message.messageId());
    request.setRecipient(recipient(message.recipient()));
    request.setBusinessType(CrlBusinessType.CRL);
    request.setCaName(message.caName());
    request.setCrl(message.crl());
    request.setCrlNumber(message.crlNumber());
    request.setThisUpdate(xsdDateTime(message.thisUpdate()));
    request.setNextUpdate(xsdDateTime(message.nextUpdate()));
    request.setSyncTime(xsdDateTime(message.syncTime()));
    request.setSignature(signature.clone());
    return request;
  }

  /**
   * The message a certificate sync request carries.
   *
   * @throws IllegalArgumentException naming the first field that is missing or badly formed
   */
  public static CertificateSync certificateSync(SyncCertificate request) {
    HolderBasicInfo holder = request.getHolder();
    return new CertificateSync(
        request.getMessageId(),
        recipient(request.getRecipient()),
        request.getBusinessType() == null
            ? null
            : BusinessType.valueOf(request.getBusinessType().value()),
        request.getCaName(),
        holder == null
            ? null
            : new HolderInfo(
                holder.getSubjectDn(),
                holder.getCommonName(),
                holder.getOrganisation(),
                holder.getIdentifierType(),
                holder.getIdentifierValue()),
        request.getCertificate(),
        request.getSerialNumber(),
        request.getStatus() == null ? null : CertificateStatus.valueOf(request.getStatus().value()),
        instant("notBefore", request.getNotBefore()),
        instant("notAfter", request.getNotAfter()),
        instant("revokedAt", request.getRevokedAt()),
        request.getRevocationReason(),
        instant("syncTime", request.getSyncTime()));
  }

  /**
   * The message a CRL sync request carries.
   *
   * @throws IllegalArgumentException naming the first field that is missing or badly formed
   */
  public static CrlSync crlSync(SyncCrl request) {
    if (request.getBusinessType() != CrlBusinessType.CRL) {
      throw new IllegalArgumentException("businessType must be CRL");
    }
    return new CrlSync(
        request.getMessageId(),
        recipient(request.getRecipient()),
        request.getCaName(),
        request.getCrl(),
        request.getCrlNumber(),
        instant("thisUpdate", request.getThisUpdate()),
        instant("nextUpdate", request.getNextUpdate()),
        instant("syncTime", request.getSyncTime()));
  }

  /**
   * The signature a request carries, as sent.
   *
   * @throws IllegalArgumentException when it is missing or empty
   */
  public static byte[] signature(byte[] signature) {
    if (signature == null || signature.length == 0) {
      throw new IllegalArgumentException("signature is missing");
    }
    return signature;
  }

  /**
   * The receiver's answer to a certificate sync request it applied or already held.
   *
   * @param payload the canonical payload of the request, as the receiver verified it
   */
  public static SyncCertificateResponse certificateResponse(
      String messageId, SyncOutcome outcome, byte[] payload) {
    SyncCertificateResponse response = new SyncCertificateResponse();
    response.setReceipt(receipt(messageId, outcome, payload));
    return response;
  }

  /**
   * The receiver's answer to a CRL sync request it applied or already held.
   *
   * @param payload the canonical payload of the request, as the receiver verified it
   */
  public static SyncCrlResponse crlResponse(String messageId, SyncOutcome outcome, byte[] payload) {
    SyncCrlResponse response = new SyncCrlResponse();
    response.setReceipt(receipt(messageId, outcome, payload));
    return response;
  }

  /**
   * What the receiver did, from its receipt for the message with this id and payload.
   *
   * @param payload the canonical payload that was sent
   * @throws IllegalArgumentException when the receipt is missing, has no outcome, is for another
   *     message, or names the digest of another payload
   */
  public static SyncOutcome outcome(SyncReceipt receipt, String messageId, byte[] payload) {
    if (receipt == null || receipt.getOutcome() == null) {
      throw new IllegalArgumentException("the response has no receipt with an outcome");
    }
    if (!messageId.equals(receipt.getMessageId())) {
      throw new IllegalArgumentException("the receipt is for another message");
    }
    String sent = CanonicalPayload.sha256(payload);
    if (!sent.equals(receipt.getPayloadSha256())) {
      throw new IllegalArgumentException(
          "the receipt names the payload digest "
              + printableDigest(receipt.getPayloadSha256())
              + ", not "
              + sent
              + " of the payload sent");
    }
    return SyncOutcome.valueOf(receipt.getOutcome().value());
  }

  /** The typed fault a receiver throws to reject a message. */
  public static SyncFault fault(SyncFaultCode code, String message) {
    SyncFaultDetail detail = new SyncFaultDetail();
    detail.setCode(code.name());
    detail.setMessage(message);
    return new SyncFault(code + ": " + message, detail);
  }

  private static SyncReceipt receipt(String messageId, SyncOutcome outcome, byte[] payload) {
    SyncReceipt receipt = new SyncReceipt();
    receipt.setMessageId(messageId);
    receipt.setOutcome(Outcome.fromValue(outcome.name()));
    receipt.setPayloadSha256(CanonicalPayload.sha256(payload));
    return receipt;
  }

  /** A receiver's digest goes into the CA's logs: only what the interface allows in it. */
  private static String printableDigest(String digest) {
    if (digest == null) {
      return "(none)";
    }
    return digest.matches("[0-9a-f]{64}") ? digest : "(not a SHA-256 in hex)";
  }

  private static org.egovca.sync.ws.Recipient recipient(Recipient recipient) {
    org.egovca.sync.ws.Recipient wire = new org.egovca.sync.ws.Recipient();
    wire.setSystem(recipient.system());
    wire.setApplicationUnit(recipient.applicationUnit());
    return wire;
  }

  private static Recipient recipient(org.egovca.sync.ws.Recipient wire) {
    return wire == null ? null : new Recipient(wire.getSystem(), wire.getApplicationUnit());
  }

  private static HolderBasicInfo holder(HolderInfo holder) {
    HolderBasicInfo wire = new HolderBasicInfo();
    wire.setSubjectDn(holder.subjectDn());
    wire.setCommonName(holder.commonName());
    wire.setOrganisation(holder.organisation());
    wire.setIdentifierType(holder.identifierType());
    wire.setIdentifierValue(holder.identifierValue());
    return wire;
  }

  private static XMLGregorianCalendar xsdDateTime(Instant instant) {
    return instant == null ? null : XSD_TYPES.newXMLGregorianCalendar(instant.toString());
  }

  private static Instant instant(String field, XMLGregorianCalendar value) {
    if (value == null) {
      return null;
    }
    if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
      throw new IllegalArgumentException(field + " has no time zone");
    }
    try {
      return OffsetDateTime.parse(value.toXMLFormat(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not a date and time the interface carries");
    }
  }
}
