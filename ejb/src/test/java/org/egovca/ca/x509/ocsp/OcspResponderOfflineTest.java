package org.egovca.ca.x509.ocsp;

import static org.egovca.ca.x509.ocsp.OcspTestPki.GOOD;
import static org.egovca.ca.x509.ocsp.OcspTestPki.SHA1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.hsm.TokenOfflineException;
import org.junit.jupiter.api.Test;

/**
 * An OCSP responder whose signing key is on an offline token answers the unsigned {@code tryLater}
 * (RFC 6960 §2.3), never caches it and never signs with another key; answers it signed while the
 * token was active are still served from its cache until they are due for renewal.
 */
class OcspResponderOfflineTest {

  private static final Duration VALIDITY = Duration.ofHours(4);
  private static final OcspTestPki PKI = OcspTestPki.get();

  /** Whether the fake token of a test is active; its signers fail while it is not. */
  private final AtomicBoolean active = new AtomicBoolean(true);

  /** A signer supplier that fails as the software token does: when the signer is asked for. */
  private Supplier<ContentSigner> failsWhenAsked(Supplier<ContentSigner> signer) {
    return () -> {
      if (!active.get()) {
        throw new TokenOfflineException("ca");
      }
      return signer.get();
    };
  }

  /** One that fails as a PKCS#11 token does: only when the signature is made. */
  private Supplier<ContentSigner> failsWhenSigning(Supplier<ContentSigner> signer) {
    return () -> {
      ContentSigner real = signer.get();
      return new ContentSigner() {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
          return real.getAlgorithmIdentifier();
        }

        @Override
        public OutputStream getOutputStream() {
          return real.getOutputStream();
        }

        @Override
        public byte[] getSignature() {
          if (!active.get()) {
            throw new TokenOfflineException("ca");
          }
          return real.getSignature();
        }
      };
    };
  }

  private static byte[] nonceRequest() {
    return OcspMessages.request(new byte[] {1, 2, 3, 4}, PKI.sm2.certId(SHA1, GOOD));
  }

  private static void unsignedTryLater(byte[] response) throws OCSPException {
    OCSPResp parsed = OcspMessages.parse(response);
    assertEquals(OCSPResp.TRY_LATER, parsed.getStatus());
    assertNull(parsed.getResponseObject(), "no response bytes, so no signature");
    assertFalse(OcspHttpCaching.of(response, Instant.now()).cacheable(), "never cacheable");
  }

  @Test
  void anOfflineTokenIsAnsweredTryLaterUnsignedAndItsAnswerIsNotCached() throws Exception {
    ResponderIssuer issuer =
        ResponderIssuer.delegated(
            PKI.sm2.name,
            PKI.sm2.certificate,
            PKI.sm2.responder,
            failsWhenAsked(PKI.sm2.responderSigner(new AtomicInteger())));
    OcspResponseCache cache = new OcspResponseCache(100, VALIDITY.dividedBy(4));
    OcspResponder responder =
        new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY, cache);
    byte[] cacheable = OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD));
    active.set(false);

    unsignedTryLater(responder.respond(cacheable, Instant.now()));
    unsignedTryLater(responder.respond(nonceRequest(), Instant.now()));
    assertEquals(0, cache.size(), "tryLater is never cached");

    active.set(true);
    assertEquals(OCSPResp.SUCCESSFUL, status(responder.respond(cacheable, Instant.now())));
  }

  @Test
  void aTokenThatFailsOnlyWhenItSignsIsAnsweredTryLaterToo() throws Exception {
    ResponderIssuer issuer =
        ResponderIssuer.caSigned(
            PKI.rsa.name,
            PKI.rsa.certificate,
            failsWhenSigning(PKI.rsa.caSigner(new AtomicInteger())),
            false);
    OcspResponder responder = new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY);
    active.set(false);

    unsignedTryLater(
        responder.respond(
            OcspMessages.request(new byte[] {9}, PKI.rsa.certId(SHA1, GOOD)), Instant.now()));
  }

  @Test
  void answersSignedWhileActiveAreServedFromTheCacheUntilARevocationDropsThem() throws Exception {
    ResponderIssuer issuer =
        ResponderIssuer.caSigned(
            PKI.sm2.name,
            PKI.sm2.certificate,
            failsWhenAsked(PKI.sm2.caSigner(new AtomicInteger())),
            false);
    OcspResponseCache cache = new OcspResponseCache(100, VALIDITY.dividedBy(4));
    OcspResponder responder =
        new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY, cache);
    byte[] request = OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    byte[] signedWhileActive = responder.respond(request, now);
    active.set(false);

    assertArrayEquals(signedWhileActive, responder.respond(request, now.plusSeconds(60)));
    assertTrue(
        OcspMessages.signatureValid(OcspMessages.basic(signedWhileActive), PKI.sm2.certificate));

    cache.invalidate(PKI.sm2.name, GOOD);
    unsignedTryLater(responder.respond(request, now.plusSeconds(61)));
  }

  private static int status(byte[] response) {
    return OcspMessages.parse(response).getStatus();
  }
}
