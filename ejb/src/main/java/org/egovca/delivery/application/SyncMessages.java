package org.egovca.delivery.application;

import java.math.BigInteger;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.IssuedCrl;
import org.egovca.delivery.domain.Delivery;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CertificateStatus;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlReason;
import org.egovca.sync.CrlSync;
import org.egovca.sync.HolderInfo;
import org.egovca.sync.Recipient;

/**
 * Builds the sync messages of the unified interface (R21, R22) from a delivery and the latest state
 * of what it carries, for the e-gov system whose queue holds the delivery: the business type is the
 * change that queued the delivery, the status is the certificate's status at the time of sending.
 */
public final class SyncMessages {

  private SyncMessages() {}

  public static CertificateSync certificate(
      Delivery item, Recipient recipient, IssuedCertificate certificate, Instant now) {
    CertificateStatus status = status(certificate, now);
    boolean revoked = status == CertificateStatus.REVOKED;
    return new CertificateSync(
        item.getMessageId(),
        recipient,
        BusinessType.valueOf(item.getChangeType().name()),
        item.getCaName(),
        holder(certificate),
        certificate.getEncoded(),
        certificate.getSerialNumberHex(),
        status,
        certificate.getNotBefore(),
        certificate.getNotAfter(),
        revoked ? certificate.getRevokedAt() : null,
        revoked ? reasonName(certificate) : null,
        now);
  }

  /**
   * The certificate's status at {@code now} in the sync interface: the CA's own status of the same
   * name (the interface's statuses are the CA's).
   */
  private static CertificateStatus status(IssuedCertificate certificate, Instant now) {
    return CertificateStatus.valueOf(certificate.statusAt(now).name());
  }

  /**
   * The RFC 5280 name of a revoked certificate's reason; CPS reason H (the holder asks) has no
   * code, which RFC 5280 calls unspecified.
   */
  public static String reasonName(IssuedCertificate certificate) {
    return CrlReason.ofCode(certificate.getRevocationReason().crlReason().orElse(0)).rfc5280Name();
  }

  public static CrlSync crl(Delivery item, Recipient recipient, IssuedCrl crl, Instant now) {
    return new CrlSync(
        item.getMessageId(),
        recipient,
        item.getCaName(),
        crl.getEncoded(),
        BigInteger.valueOf(crl.getCrlNumber()).toString(),
        crl.getThisUpdate(),
        crl.getNextUpdate(),
        now);
  }

  /** The holder's basic information, as the certificate names them. */
  private static HolderInfo holder(IssuedCertificate certificate) {
    X500Name subject;
    try {
      subject = new X509CertificateHolder(certificate.getEncoded()).getSubject();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "certificate " + certificate.getSerialNumberHex() + " does not parse", e);
    }
    return new HolderInfo(
        certificate.getSubjectDn(),
        first(subject, BCStyle.CN),
        first(subject, BCStyle.O),
        null,
        null);
  }

  private static String first(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0) {
      return null;
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : value.toString();
  }
}
