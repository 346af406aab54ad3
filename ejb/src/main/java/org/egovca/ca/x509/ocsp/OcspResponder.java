package org.egovca.ca.x509.ocsp;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.ca.x509.OfflineToken;

/**
 * Answers OCSP requests (RFC 6960): DER request in, DER OCSPResponse out, for any transport.
 *
 * <p>{@link #respond} never throws because of what the client sent, and never answers a status it
 * could not establish:
 *
 * <ul>
 *   <li>bytes that are not a complete OCSPRequest, an empty request list, more than {@value
 *       OcspRequestData#MAX_CERT_IDS} CertIDs, or a nonce outside 1 to 128 octets: {@code
 *       malformedRequest};
 *   <li>no CertID names a CA this responder serves (including CertIDs whose hash algorithm is
 *       neither SHA-1, SHA-256 nor SM3): {@code unauthorized}, unsigned (RFC 6960 §2.3: the
 *       responder cannot answer authoritatively), as common responders do; a signed {@code unknown}
 *       would need a key that speaks for a CA we do not serve;
 *   <li>CertIDs naming two or more of our CAs: {@code malformedRequest}. A BasicOCSPResponse has
 *       one signer, and RFC 5019 clients send one CertID anyway; the client can ask per issuer;
 *   <li>CertIDs naming one of our CAs, possibly next to foreign ones: one response signed for that
 *       CA, with {@code unknown} for the foreign CertIDs (RFC 6960 §2.2);
 *   <li>the signing key is on a crypto token that is offline (it waits for the key custodians):
 *       {@code tryLater}, unsigned and never cached, rather than an answer signed by another key;
 *   <li>the status lookup or the signer fails, or the signing certificate is not valid now: {@code
 *       internalError}, logged.
 * </ul>
 *
 * <p>Every signed response has producedAt = thisUpdate = {@code now} (whole seconds) and nextUpdate
 * = now + validity, echoes the request's nonce, identifies the responder by key hash and carries
 * the issuer's {@link ResponderIssuer#includedCertificates()}. With an {@link OcspResponseCache},
 * single-CertID requests without nonce are answered from and stored into the cache (GOOD and
 * REVOKED only: UNKNOWN answers for random serials would just crowd it).
 *
 * <p>Thread-safe if the lookup and the signers are.
 */
public final class OcspResponder {

  private static final Logger LOG = Logger.getLogger(OcspResponder.class.getName());

  private final CertificateStatusLookup lookup;
  private final Duration validity;
  private final OcspResponseCache cache;

  /** A responder without cache: every response is freshly signed. */
  public OcspResponder(CertificateStatusLookup lookup, Duration validity) {
    this(lookup, validity, null);
  }

  /**
   * @param validity nextUpdate - thisUpdate, at least one second; fractions of seconds are dropped
   * @param cache the response cache, or null for none
   */
  public OcspResponder(CertificateStatusLookup lookup, Duration validity, OcspResponseCache cache) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(validity, "validity");
    if (validity.getSeconds() < 1) {
      throw new IllegalArgumentException("validity must be at least one second: " + validity);
    }
    this.validity = Duration.ofSeconds(validity.getSeconds());
    this.cache = cache;
  }

  /**
   * The DER OCSPResponse for the DER (or BER) OCSPRequest {@code requestDer}, as of {@code now}.
   * See the class comment for which response status each case gets.
   */
  public byte[] respond(byte[] requestDer, Instant now) {
    Objects.requireNonNull(now, "now");
    OcspRequestData request;
    try {
      request = OcspRequestData.parse(requestDer);
    } catch (MalformedOcspRequestException e) {
      LOG.log(Level.FINE, "malformed OCSP request", e);
      return OcspResponses.malformedRequest();
    }
    try {
      return answer(request, now.truncatedTo(ChronoUnit.SECONDS));
    } catch (RuntimeException e) {
      if (OfflineToken.causedBy(e)) {
        // one line a request would flood the log; the CA logs the token's change of state once
        LOG.log(Level.FINE, "OCSP request answered tryLater: the signing key's token is offline");
        return OcspResponses.tryLater();
      }
      LOG.log(Level.WARNING, "cannot answer an OCSP request", e);
      return OcspResponses.internalError();
    }
  }

  private byte[] answer(OcspRequestData request, Instant now) {
    List<CertID> certIds = request.certIds();
    List<Optional<ResponderIssuer>> issuers = new ArrayList<>(certIds.size());
    Map<String, ResponderIssuer> served = new LinkedHashMap<>();
    for (CertID certId : certIds) {
      Optional<ResponderIssuer> issuer =
          Objects.requireNonNull(lookup.issuerOf(certId), "issuerOf returned null");
      issuers.add(issuer);
      issuer.ifPresent(i -> served.putIfAbsent(i.identity(), i));
    }
    if (served.isEmpty()) {
      return OcspResponses.unauthorized();
    }
    if (served.size() > 1) {
      LOG.fine("OCSP request for several issuers refused as malformed");
      return OcspResponses.malformedRequest();
    }
    ResponderIssuer issuer = served.values().iterator().next();
    if (!issuer.signerValidAt(now)) {
      LOG.warning(
          "the OCSP signing certificate of "
              + issuer
              + " is not valid at "
              + now
              + "; answering internalError");
      return OcspResponses.internalError();
    }

    boolean cacheable = cache != null && request.nonce() == null && certIds.size() == 1;
    OcspResponseCache.Key key = null;
    long ticket = 0;
    if (cacheable) {
      key = OcspResponseCache.key(issuer, certIds.get(0));
      // Served even while the signing key's token is offline: the answer was signed by the right
      // key while it was active, states what still holds (a revocation drops it from the cache),
      // and is served only until shortly before its nextUpdate, as HTTP caches would serve it.
      Optional<byte[]> cached = cache.get(key, now);
      if (cached.isPresent()) {
        return cached.get();
      }
      ticket = cache.ticket();
    }
    // The signer first: an offline token answers tryLater before the statuses are looked up.
    ContentSigner signer = issuer.newSigner();

    List<OcspResponses.Answer> answers = answers(certIds, issuers, issuer);
    Instant nextUpdate = now.plus(validity);
    byte[] response =
        OcspResponses.signed(issuer, signer, answers, request.nonce(), now, nextUpdate);
    if (cacheable && !(answers.get(0).status() instanceof OcspCertStatus.Unknown)) {
      cache.put(key, response, now, nextUpdate, ticket);
    }
    return response;
  }

  /** The status of each CertID: looked up for {@code issuer}'s, {@code unknown} for the others. */
  private List<OcspResponses.Answer> answers(
      List<CertID> certIds, List<Optional<ResponderIssuer>> issuers, ResponderIssuer issuer) {
    List<OcspResponses.Answer> answers = new ArrayList<>(certIds.size());
    for (int i = 0; i < certIds.size(); i++) {
      CertID certId = certIds.get(i);
      boolean ours =
          issuers.get(i).map(found -> found.identity().equals(issuer.identity())).orElse(false);
      OcspCertStatus status =
          ours
              ? Objects.requireNonNull(
                  lookup.status(issuer, certId.getSerialNumber().getValue()),
                  "status returned null")
              : OcspCertStatus.UNKNOWN;
      answers.add(new OcspResponses.Answer(certId, status));
    }
    return answers;
  }
}
