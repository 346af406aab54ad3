package org.egovca.ca.x509.ocsp;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.ocsp.ResponseData;
import org.bouncycastle.asn1.ocsp.SingleResponse;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.util.encoders.Hex;

/**
 * The HTTP caching headers for an OCSP response, as RFC 5019 §6.2 recommends, so that HTTP caches
 * and CDNs can serve GET requests without reaching the responder.
 *
 * <p>A response is cacheable when it is successful, carries no nonce (a nonce binds it to one
 * request) and every SingleResponse has a nextUpdate still in the future. Then {@code max-age} is
 * the time left until the earliest nextUpdate, {@code Last-Modified} the latest thisUpdate, {@code
 * Expires} the earliest nextUpdate and the ETag the SHA-1 of the response bytes. Anything else
 * (error statuses, nonce, expired, unparseable) gets {@code Cache-Control: no-cache, no-store} and
 * nothing more.
 *
 * @param cacheable whether shared caches may keep the response
 * @param maxAgeSeconds seconds until {@link #expires}, 0 when not cacheable
 * @param lastModified thisUpdate, null when not cacheable
 * @param expires nextUpdate, null when not cacheable
 * @param etag quoted SHA-1 hex of the response, null when not cacheable
 */
public record OcspHttpCaching(
    boolean cacheable, long maxAgeSeconds, Instant lastModified, Instant expires, String etag) {

  private static final OcspHttpCaching NOT_CACHEABLE =
      new OcspHttpCaching(false, 0, null, null, null);

  /** IMF-fixdate; RFC_1123_DATE_TIME would drop the leading zero of the day. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** The caching properties of {@code response} (a DER OCSPResponse) as of {@code now}. */
  public static OcspHttpCaching of(byte[] response, Instant now) {
    try {
      return cachingOf(response, now);
    } catch (RuntimeException e) {
      return NOT_CACHEABLE;
    }
  }

  private static OcspHttpCaching cachingOf(byte[] response, Instant now) {
    OCSPResponse message = OCSPResponse.getInstance(response);
    ResponseBytes bytes = message.getResponseBytes();
    if (message.getResponseStatus().getValue().intValue() != OCSPResponseStatus.SUCCESSFUL
        || bytes == null
        || !OCSPObjectIdentifiers.id_pkix_ocsp_basic.equals(bytes.getResponseType())) {
      return NOT_CACHEABLE;
    }
    ResponseData data =
        BasicOCSPResponse.getInstance(bytes.getResponse().getOctets()).getTbsResponseData();
    Extensions extensions = data.getResponseExtensions();
    if (extensions != null
        && extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce) != null) {
      return NOT_CACHEABLE;
    }
    ASN1Sequence singles = data.getResponses();
    Instant lastModified = null;
    Instant expires = null;
    for (int i = 0; i < singles.size(); i++) {
      SingleResponse single = SingleResponse.getInstance(singles.getObjectAt(i));
      if (single.getNextUpdate() == null) {
        return NOT_CACHEABLE;
      }
      Instant thisUpdate = instant(single.getThisUpdate());
      Instant nextUpdate = instant(single.getNextUpdate());
      lastModified =
          lastModified == null || thisUpdate.isAfter(lastModified) ? thisUpdate : lastModified;
      expires = expires == null || nextUpdate.isBefore(expires) ? nextUpdate : expires;
    }
    if (expires == null || !now.isBefore(expires)) {
      return NOT_CACHEABLE;
    }
    long maxAge = Duration.between(now, expires).getSeconds();
    String etag = "\"" + Hex.toHexString(CertIdHashAlgorithm.SHA1.hash(response)) + "\"";
    return new OcspHttpCaching(true, maxAge, lastModified, expires, etag);
  }

  /** The Cache-Control value. */
  public String cacheControl() {
    return cacheable
        ? "max-age=" + maxAgeSeconds + ", public, no-transform, must-revalidate"
        : "no-cache, no-store";
  }

  /** All headers to send, in a fixed order, with HTTP dates (RFC 9110 IMF-fixdate). */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cache-Control", cacheControl());
    if (cacheable) {
      headers.put("Last-Modified", httpDate(lastModified));
      headers.put("Expires", httpDate(expires));
      headers.put("ETag", etag);
    }
    return Collections.unmodifiableMap(headers);
  }

  private static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }

  private static Instant instant(ASN1GeneralizedTime time) {
    try {
      return time.getDate().toInstant();
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad GeneralizedTime", e);
    }
  }
}
