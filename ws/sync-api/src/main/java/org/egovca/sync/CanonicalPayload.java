package org.egovca.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bytes the CA signs and a receiver verifies: every field of a message except the signature, in
 * a fixed, language-neutral text form (docs/SYNC.md, "Canonical payload").
 *
 * <p>Why not the XML: a receiver re-marshals what it parsed, and another SOAP stack writes other
 * namespace prefixes, whitespace and base64 line breaks, so XML bytes are not reproducible, and XML
 * canonicalization would tie every integrator to an XML-DSig library. This form is reproducible in
 * a few lines in any language:
 *
 * <ul>
 *   <li>UTF-8 without BOM; one {@code name=value} line per field, each ended by a line feed (0x0A),
 *       in the fixed order below, every field always present;
 *   <li>an absent optional field has an empty value;
 *   <li>text as is: the messages admit no control characters, so no escaping is needed, and the
 *       value is everything after the first {@code =};
 *   <li>binaries (certificate, CRL) in standard base64 (RFC 4648 §4) with padding, on one line;
 *   <li>instants as {@code yyyy-MM-ddTHH:mm:ssZ} in UTC (whole seconds, always 20 characters);
 *   <li>enumerations by their names ({@code ISSUE}, {@code GOOD}).
 * </ul>
 *
 * The first two lines, {@code format=urn:egovca:sync:2} and {@code operation=...}, bind the payload
 * to this version of the interface and to one operation, so that no payload of one kind can pass
 * for another; the recipient lines that follow the message id bind it to one e-gov system, so that
 * it cannot be replayed into another.
 *
 * <p>Version 2 added the recipient ({@code recipient.system}, {@code recipient.applicationUnit}); a
 * version 1 payload named no recipient and is not accepted any more.
 */
public final class CanonicalPayload {

  /** The value of the first line: the target namespace of the WSDL this payload belongs to. */
  public static final String FORMAT = "urn:egovca:sync:2";

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private CanonicalPayload() {}

  /**
   * The digest a receiver's receipt names (field {@code payloadSha256}): SHA-256 over the canonical
   * payload, in lower-case hex. The CA counts a delivery as done only when the receipt names the
   * digest of the payload it sent.
   */
  public static String sha256(byte[] payload) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The canonical payload of a certificate sync message. */
  public static byte[] of(CertificateSync m) {
    HolderInfo holder = m.holder();
    return new Lines("syncCertificate", m.messageId(), m.recipient())
        .add("businessType", m.businessType().name())
        .add("caName", m.caName())
        .add("holder.subjectDn", holder.subjectDn())
        .add("holder.commonName", holder.commonName())
        .add("holder.organisation", holder.organisation())
        .add("holder.identifierType", holder.identifierType())
        .add("holder.identifierValue", holder.identifierValue())
        .add("serialNumber", m.serialNumber())
        .add("status", m.status().name())
        .add("notBefore", m.notBefore())
        .add("notAfter", m.notAfter())
        .add("revokedAt", m.revokedAt())
        .add("revocationReason", m.revocationReason())
        .add("syncTime", m.syncTime())
        .add("certificate", m.certificate())
        .toBytes();
  }

  /** The canonical payload of a CRL sync message. */
  public static byte[] of(CrlSync m) {
    return new Lines("syncCrl", m.messageId(), m.recipient())
        .add("businessType", m.businessType().name())
        .add("caName", m.caName())
        .add("crlNumber", m.crlNumber())
        .add("thisUpdate", m.thisUpdate())
        .add("nextUpdate", m.nextUpdate())
        .add("syncTime", m.syncTime())
        .add("crl", m.crl())
        .toBytes();
  }

  /** The lines of one payload. The messages guarantee values without control characters. */
  private static final class Lines {
    private final StringBuilder text = new StringBuilder(512);

    Lines(String operation, String messageId, Recipient recipient) {
      add("format", FORMAT);
      add("operation", operation);
      add("messageId", messageId);
      add("recipient.system", recipient.system());
      add("recipient.applicationUnit", recipient.applicationUnit());
    }

    Lines add(String name, String value) {
      text.append(name).append('=');
      if (value != null) {
        text.append(value);
      }
      text.append('\n');
      return this;
    }

    Lines add(String name, Instant value) {
      return add(name, value == null ? null : INSTANT.format(value));
    }

    Lines add(String name, byte[] value) {
      return add(name, Base64.getEncoder().encodeToString(value));
    }

    byte[] toBytes() {
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
  }
}
