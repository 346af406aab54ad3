package org.egovca.ca.x509.ocsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.CertStatus;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.ocsp.ResponseData;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.ocsp.SingleResponse;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Encodes OCSPResponse messages. The ASN.1 is assembled directly rather than through BC's {@code
 * BasicOCSPRespBuilder}, because that builder takes {@link java.util.Date}s and leaves the
 * GeneralizedTime format to BC; here every time is written as {@code YYYYMMDDHHMMSSZ} (whole
 * seconds, as RFC 5280 §4.1.2.5.2 prescribes and OpenSSL expects), and the bytes that are signed
 * are exactly the DER that is sent.
 */
final class OcspResponses {

  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final byte[] MALFORMED_REQUEST =
      unsuccessful(OCSPResponseStatus.MALFORMED_REQUEST);
  private static final byte[] INTERNAL_ERROR = unsuccessful(OCSPResponseStatus.INTERNAL_ERROR);
  private static final byte[] UNAUTHORIZED = unsuccessful(OCSPResponseStatus.UNAUTHORIZED);
  private static final byte[] TRY_LATER = unsuccessful(OCSPResponseStatus.TRY_LATER);

  private OcspResponses() {}

  /** One CertID of the request and the status to report for it. */
  record Answer(CertID certId, OcspCertStatus status) {}

  static byte[] malformedRequest() {
    return MALFORMED_REQUEST.clone();
  }

  static byte[] internalError() {
    return INTERNAL_ERROR.clone();
  }

  static byte[] unauthorized() {
    return UNAUTHORIZED.clone();
  }

  static byte[] tryLater() {
    return TRY_LATER.clone();
  }

  /**
   * A successful response with a BasicOCSPResponse signed by {@code signer}, a new signer of {@code
   * issuer}'s.
   *
   * @param nonce the request's nonce extension to echo, or null
   * @param now producedAt and thisUpdate, whole seconds
   */
  static byte[] signed(
      ResponderIssuer issuer,
      ContentSigner signer,
      List<Answer> answers,
      Extension nonce,
      Instant now,
      Instant nextUpdate) {
    ASN1Encodable[] singles = new ASN1Encodable[answers.size()];
    for (int i = 0; i < singles.length; i++) {
      Answer answer = answers.get(i);
      singles[i] =
          new SingleResponse(
              answer.certId(),
              certStatus(answer.status()),
              time(now),
              time(nextUpdate),
              (Extensions) null);
    }
    Extensions extensions =
        nonce == null
            ? null
            : new Extensions(
                new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce.getExtnValue()));
    ResponseData tbs =
        new ResponseData(issuer.responderId(), time(now), new DERSequence(singles), extensions);
    try {
      try (OutputStream out = signer.getOutputStream()) {
        out.write(tbs.getEncoded(ASN1Encoding.DER));
      }
      BasicOCSPResponse basic =
          new BasicOCSPResponse(
              tbs,
              signer.getAlgorithmIdentifier(),
              new DERBitString(signer.getSignature()),
              certificates(issuer.includedCertificates()));
      return new OCSPResponse(
              new OCSPResponseStatus(OCSPResponseStatus.SUCCESSFUL),
              new ResponseBytes(
                  OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                  new DEROctetString(basic.getEncoded(ASN1Encoding.DER))))
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the OCSP response", e);
    }
  }

  private static CertStatus certStatus(OcspCertStatus status) {
    if (status instanceof OcspCertStatus.Revoked revoked) {
      CRLReason reason =
          revoked.reasonCode() == null ? null : CRLReason.lookup(revoked.reasonCode());
      return new CertStatus(new RevokedInfo(time(revoked.revocationTime()), reason));
    }
    if (status instanceof OcspCertStatus.Good) {
      return new CertStatus();
    }
    if (status instanceof OcspCertStatus.Unknown) {
      return new CertStatus(2, DERNull.INSTANCE);
    }
    throw new IllegalStateException("no certificate status");
  }

  private static ASN1Sequence certificates(List<X509CertificateHolder> certificates) {
    if (certificates.isEmpty()) {
      return null;
    }
    return new DERSequence(
        certificates.stream()
            .map(X509CertificateHolder::toASN1Structure)
            .toArray(ASN1Encodable[]::new));
  }

  static ASN1GeneralizedTime time(Instant instant) {
    return new ASN1GeneralizedTime(GENERALIZED_TIME.format(instant));
  }

  private static byte[] unsuccessful(int status) {
    try {
      return new OCSPResponse(new OCSPResponseStatus(status), null).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
