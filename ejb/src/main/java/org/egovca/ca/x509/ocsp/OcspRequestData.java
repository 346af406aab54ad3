package org.egovca.ca.x509.ocsp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.Request;
import org.bouncycastle.asn1.ocsp.TBSRequest;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.egovca.guard.Asn1Limits;
import org.egovca.guard.MalformedAsn1Exception;

/**
 * What the responder needs from an OCSPRequest: the CertIDs and the nonce extension. Parsing is
 * done completely and up front, so that every defect of the client's bytes surfaces here as a
 * {@link MalformedOcspRequestException} and any later failure is truly the responder's own.
 *
 * <p>A request signature and the requestorName are ignored: this responder answers anyone, as
 * public CAs do. Other request and single-request extensions are ignored as well.
 *
 * @param certIds the CertIDs in request order, 1 to {@link #MAX_CERT_IDS}
 * @param nonce the request's id-pkix-ocsp-nonce extension, or null
 */
record OcspRequestData(List<CertID> certIds, Extension nonce) {

  /** Bounds the status look-ups one request can cause. */
  static final int MAX_CERT_IDS = 64;

  /** RFC 9654 §2.1: a nonce is 1 to 128 octets. */
  static final int MAX_NONCE_LENGTH = 128;

  OcspRequestData {
    certIds = List.copyOf(certIds);
  }

  static OcspRequestData parse(byte[] der) throws MalformedOcspRequestException {
    if (der == null || der.length == 0) {
      throw new MalformedOcspRequestException("empty request");
    }
    try {
      // BouncyCastle recurses per nesting level: a deeply nested request would overflow the stack
      Asn1Limits.check(der);
    } catch (MalformedAsn1Exception e) {
      throw new MalformedOcspRequestException(e.getMessage(), e);
    }
    try {
      // fromByteArray refuses truncated encodings and trailing bytes.
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
      if (primitive == null) {
        throw new MalformedOcspRequestException("no ASN.1 object in the request");
      }
      TBSRequest tbs = OCSPRequest.getInstance(primitive).getTbsRequest();
      ASN1Sequence list = tbs.getRequestList();
      if (list.size() == 0) {
        throw new MalformedOcspRequestException("the request list is empty");
      }
      if (list.size() > MAX_CERT_IDS) {
        throw new MalformedOcspRequestException(
            "more than " + MAX_CERT_IDS + " CertIDs in one request: " + list.size());
      }
      List<CertID> certIds = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        CertID certId = Request.getInstance(list.getObjectAt(i)).getReqCert();
        requireComplete(certId);
        certIds.add(certId);
      }
      return new OcspRequestData(certIds, nonce(tbs.getRequestExtensions()));
    } catch (IOException | RuntimeException e) {
      // BouncyCastle reports wrong structure as IllegalArgumentException, ClassCastException etc.
      throw new MalformedOcspRequestException("not an OCSPRequest: " + e.getMessage(), e);
    } catch (StackOverflowError e) { // what the check above missed still gets the refusal
      throw new MalformedOcspRequestException(Asn1Limits.TOO_DEEP_TO_PARSE);
    }
  }

  /** getInstance is lenient about missing fields; touching each one makes defects show. */
  private static void requireComplete(CertID certId) {
    if (certId == null
        || certId.getHashAlgorithm() == null
        || certId.getHashAlgorithm().getAlgorithm() == null
        || certId.getIssuerNameHash() == null
        || certId.getIssuerKeyHash() == null
        || certId.getSerialNumber() == null
        || certId.getSerialNumber().getValue() == null) {
      throw new IllegalArgumentException("incomplete CertID");
    }
  }

  private static Extension nonce(Extensions extensions) throws MalformedOcspRequestException {
    Extension nonce =
        extensions == null
            ? null
            : extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (nonce == null) {
      return null;
    }
    int length = nonceLength(nonce.getExtnValue().getOctets());
    if (length < 1 || length > MAX_NONCE_LENGTH) {
      throw new MalformedOcspRequestException("nonce of " + length + " octets");
    }
    return nonce;
  }

  /**
   * The nonce is an OCTET STRING inside extnValue (RFC 9654); some old clients put the raw bytes
   * there, so anything that is not one OCTET STRING counts with its raw length.
   */
  private static int nonceLength(byte[] extnValue) {
    try {
      ASN1Primitive inner = ASN1Primitive.fromByteArray(extnValue);
      if (inner instanceof ASN1OctetString octets) {
        return octets.getOctets().length;
      }
    } catch (IOException | RuntimeException e) {
      // raw bytes: fall through
    }
    return extnValue.length;
  }
}
