package org.egovca.ca.x509.ocsp;

import static org.egovca.ca.x509.ocsp.OcspTestPki.GOOD;
import static org.egovca.ca.x509.ocsp.OcspTestPki.SHA1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** RFC 5019 §6.2 HTTP caching headers from {@link OcspHttpCaching}. */
class OcspHttpCachingTest {

  private static final OcspTestPki PKI = OcspTestPki.get();
  private static final Duration VALIDITY = Duration.ofHours(2);

  private final OcspResponder responder =
      new OcspResponder(
          InMemoryStatusLookup.standard(PKI.rsa.caSigned(false, new AtomicInteger())), VALIDITY);
  private final Instant produced = PKI.created.plusSeconds(5);

  @Test
  void responseWithoutNonceIsCacheableUntilNextUpdate() throws Exception {
    byte[] response =
        responder.respond(OcspMessages.request(null, PKI.rsa.certId(SHA1, GOOD)), produced);
    Instant now = produced.plusSeconds(600).plusMillis(400);

    OcspHttpCaching caching = OcspHttpCaching.of(response, now);

    assertTrue(caching.cacheable());
    assertEquals(VALIDITY.getSeconds() - 601, caching.maxAgeSeconds());
    assertEquals(produced, caching.lastModified());
    assertEquals(produced.plus(VALIDITY), caching.expires());
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(response));
    assertEquals("\"" + sha1 + "\"", caching.etag());
    Map<String, String> headers = caching.headers();
    assertEquals(
        "max-age=" + caching.maxAgeSeconds() + ", public, no-transform, must-revalidate",
        headers.get("Cache-Control"));
    // HTTP dates parse back to the same instants (RFC 1123 form, GMT).
    assertEquals(
        produced,
        ZonedDateTime.parse(headers.get("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant());
    assertEquals(
        produced.plus(VALIDITY),
        ZonedDateTime.parse(headers.get("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant());
    assertTrue(
        headers
            .get("Expires")
            .matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"));
    assertEquals(caching.etag(), headers.get("ETag"));
  }

  @Test
  void exampleDateFormat() {
    Instant instant = ZonedDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC).toInstant();
    OcspHttpCaching caching = new OcspHttpCaching(true, 1, instant, instant, "\"x\"");
    assertEquals("Wed, 04 Mar 2026 05:06:07 GMT", caching.headers().get("Last-Modified"));
  }

  @Test
  void nonceErrorsExpiredAndGarbageAreNotCacheable() {
    byte[] withNonce =
        responder.respond(OcspMessages.request(new byte[16], PKI.rsa.certId(SHA1, GOOD)), produced);
    byte[] plain =
        responder.respond(OcspMessages.request(null, PKI.rsa.certId(SHA1, GOOD)), produced);
    byte[] malformed = responder.respond(new byte[] {1, 2, 3}, produced);
    for (OcspHttpCaching caching :
        new OcspHttpCaching[] {
          OcspHttpCaching.of(withNonce, produced),
          OcspHttpCaching.of(malformed, produced),
          OcspHttpCaching.of(plain, produced.plus(VALIDITY)),
          OcspHttpCaching.of(new byte[] {0x30, 0x00}, produced),
          OcspHttpCaching.of(new byte[0], produced)
        }) {
      assertFalse(caching.cacheable());
      assertEquals(Map.of("Cache-Control", "no-cache, no-store"), caching.headers());
    }
  }
}
