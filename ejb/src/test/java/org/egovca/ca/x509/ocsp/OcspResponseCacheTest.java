package org.egovca.ca.x509.ocsp;

import static org.egovca.ca.x509.ocsp.OcspTestPki.GOOD;
import static org.egovca.ca.x509.ocsp.OcspTestPki.NEVER_ISSUED;
import static org.egovca.ca.x509.ocsp.OcspTestPki.REVOKED;
import static org.egovca.ca.x509.ocsp.OcspTestPki.SHA1;
import static org.egovca.ca.x509.ocsp.OcspTestPki.SM3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 5019-style caching in {@link OcspResponder} and {@link OcspResponseCache}. */
class OcspResponseCacheTest {

  private static final Duration VALIDITY = Duration.ofHours(1);
  private static final Duration MARGIN = Duration.ofMinutes(10);
  private static final OcspTestPki PKI = OcspTestPki.get();

  private final AtomicInteger signers = new AtomicInteger();
  private ResponderIssuer issuer;
  private InMemoryStatusLookup lookup;
  private OcspResponseCache cache;
  private OcspResponder responder;
  private Instant now;

  @BeforeEach
  void setUp() {
    issuer = PKI.sm2.delegated(signers);
    lookup = InMemoryStatusLookup.standard(issuer);
    cache = new OcspResponseCache(100, MARGIN);
    responder = new OcspResponder(lookup, VALIDITY, cache);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @Test
  void repeatedRequestWithoutNonceIsServedFromCacheWithoutSigning() {
    byte[] request = OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD));
    byte[] first = responder.respond(request, now);
    byte[] second = responder.respond(request, now.plusSeconds(30));
    assertEquals(1, signers.get());
    assertArrayEquals(first, second);
    assertEquals(1, cache.size());
    // Another hash algorithm is another CertID and another response.
    responder.respond(OcspMessages.request(null, PKI.sm2.certId(SM3, GOOD)), now);
    assertEquals(2, signers.get());
    assertEquals(2, cache.size());
    // The copy handed out cannot damage the cached bytes.
    second[second.length - 1] ^= 1;
    assertArrayEquals(first, responder.respond(request, now.plusSeconds(60)));
  }

  @Test
  void invalidationAfterRevocationYieldsTheRevokedStatus() {
    byte[] request = OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD));
    byte[] sm3Request = OcspMessages.request(null, PKI.sm2.certId(SM3, GOOD));
    assertNull(
        OcspMessages.basic(responder.respond(request, now)).getResponses()[0].getCertStatus());
    responder.respond(sm3Request, now);

    lookup.set(issuer.name(), GOOD, OcspCertStatus.revoked(now, 1));
    // Until invalidated the cache still answers good: that is what invalidate is for.
    assertNull(
        OcspMessages.basic(responder.respond(request, now)).getResponses()[0].getCertStatus());
    cache.invalidate(issuer.name(), GOOD);
    assertEquals(0, cache.size());

    for (byte[] r : new byte[][] {request, sm3Request}) {
      RevokedStatus status =
          assertInstanceOf(
              RevokedStatus.class,
              OcspMessages.basic(responder.respond(r, now.plusSeconds(1)))
                  .getResponses()[0]
                  .getCertStatus());
      assertEquals(1, status.getRevocationReason());
    }
    assertEquals(4, signers.get());
  }

  @Test
  void invalidationOfOtherSerialsOrIssuersKeepsEntries() {
    responder.respond(OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD)), now);
    cache.invalidate(issuer.name(), REVOKED);
    cache.invalidate("another-ca", GOOD);
    assertEquals(1, cache.size());
  }

  @Test
  void requestsWithNonceOrSeveralCertIdsAreNeverCached() {
    byte[] withNonce = OcspMessages.request(new byte[16], PKI.sm2.certId(SHA1, GOOD));
    responder.respond(withNonce, now);
    responder.respond(withNonce, now);
    byte[] two =
        OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD), PKI.sm2.certId(SHA1, REVOKED));
    responder.respond(two, now);
    responder.respond(two, now);
    assertEquals(4, signers.get());
    assertEquals(0, cache.size());
  }

  @Test
  void unknownSerialsAreNotCached() {
    byte[] request = OcspMessages.request(null, PKI.sm2.certId(SHA1, NEVER_ISSUED));
    responder.respond(request, now);
    responder.respond(request, now);
    assertEquals(2, signers.get());
    assertEquals(0, cache.size());
  }

  @Test
  void responseIsResignedWithinTheMarginBeforeNextUpdate() {
    byte[] request = OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD));
    byte[] first = responder.respond(request, now);
    Instant lastServed = now.plus(VALIDITY).minus(MARGIN).minusSeconds(1);
    assertArrayEquals(first, responder.respond(request, lastServed));
    assertEquals(1, signers.get());
    byte[] fresh = responder.respond(request, lastServed.plusSeconds(1));
    assertEquals(2, signers.get());
    assertFalse(java.util.Arrays.equals(first, fresh));
    // A clock running backwards does not get a response from its future.
    responder.respond(request, now.minusSeconds(5));
    assertEquals(3, signers.get());
  }

  @Test
  void staleResponseIsDroppedWhenInvalidatedWhileBeingMade() {
    OcspResponseCache.Key key =
        OcspResponseCache.key(issuer, PKI.sm2.certId(SHA1, GOOD).toASN1Primitive());
    long ticket = cache.ticket();
    cache.invalidate(issuer.name(), GOOD); // revocation committed while the response was signed
    cache.put(key, new byte[] {1}, now, now.plus(VALIDITY), ticket);
    assertTrue(cache.get(key, now).isEmpty());
    cache.put(key, new byte[] {2}, now, now.plus(VALIDITY), cache.ticket());
    assertArrayEquals(new byte[] {2}, cache.get(key, now).orElseThrow());
  }

  @Test
  void sizeIsBoundedAndRecentlyUsedEntriesSurvive() {
    OcspResponseCache small = new OcspResponseCache(10, MARGIN);
    OcspResponseCache.Key favourite = key(0);
    small.put(favourite, new byte[] {0}, now, now.plus(VALIDITY), small.ticket());
    for (int i = 1; i <= 40; i++) {
      small.put(key(i), new byte[] {(byte) i}, now, now.plus(VALIDITY), small.ticket());
      assertTrue(small.get(favourite, now).isPresent(), "favourite evicted at " + i);
      assertTrue(small.size() <= 10, "size " + small.size());
    }
    // Expired entries go even when recently used.
    OcspResponseCache expiring = new OcspResponseCache(3, Duration.ZERO);
    expiring.put(key(1), new byte[] {1}, now, now.plusSeconds(10), expiring.ticket());
    expiring.put(key(2), new byte[] {2}, now, now.plus(VALIDITY), expiring.ticket());
    expiring.put(key(3), new byte[] {3}, now, now.plus(VALIDITY), expiring.ticket());
    assertTrue(expiring.get(key(1), now).isPresent());
    Instant later = now.plusSeconds(20);
    expiring.put(key(4), new byte[] {4}, later, later.plus(VALIDITY), expiring.ticket());
    assertTrue(expiring.size() <= 3);
    assertTrue(expiring.get(key(1), later).isEmpty());
    assertTrue(expiring.get(key(3), later).isPresent());
    assertTrue(expiring.get(key(4), later).isPresent());
  }

  @Test
  void concurrentRequestsAndInvalidationsStayConsistent() throws Exception {
    OcspResponseCache small = new OcspResponseCache(8, MARGIN);
    OcspResponder concurrent = new OcspResponder(lookup, VALIDITY, small);
    int serials = 20;
    byte[][] requests = new byte[serials][];
    for (int i = 0; i < serials; i++) {
      BigInteger serial = BigInteger.valueOf(5000 + i);
      lookup.set(issuer.name(), serial, OcspCertStatus.GOOD);
      requests[i] = OcspMessages.request(null, PKI.sm2.certId(SHA1, serial));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    int n = (i * 7 + offset) % serials;
                    byte[] response = concurrent.respond(requests[n], now);
                    assertNull(OcspMessages.basic(response).getResponses()[0].getCertStatus());
                    if (i % 10 == 0) {
                      small.invalidate(issuer.name(), BigInteger.valueOf(5000 + n));
                    }
                    assertTrue(small.size() <= 8 + 4, "size " + small.size());
                  }
                  return null;
                }));
      }
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(small.size() <= 8);
    lookup.set(issuer.name(), BigInteger.valueOf(5000), OcspCertStatus.revoked(now, 1));
    small.invalidate(issuer.name(), BigInteger.valueOf(5000));
    assertInstanceOf(
        RevokedStatus.class,
        OcspMessages.basic(concurrent.respond(requests[0], now)).getResponses()[0].getCertStatus());
  }

  private OcspResponseCache.Key key(int serial) {
    return OcspResponseCache.key(
        issuer, PKI.sm2.certId(SHA1, BigInteger.valueOf(serial)).toASN1Primitive());
  }
}
