package org.egovca.ca.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.CertID;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.OcspSigner;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.ocsp.CertificateStatusLookup;
import org.egovca.ca.x509.ocsp.OcspCertStatus;
import org.egovca.ca.x509.ocsp.OcspResponder;
import org.egovca.ca.x509.ocsp.OcspResponseCache;
import org.egovca.ca.x509.ocsp.ResponderIssuer;
import org.egovca.ca.x509.ocsp.ResponderIssuers;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * The OCSP service (CPS §6.1.4.8.9, RFC 6960): answers for every CA of this system, each response
 * signed by the CA's delegated responder ({@link OcspResponders}; or by the CA key itself with
 * {@code egovca.ocsp.signer=ca}), in the token, SM2 or RSA. After a key rollover the old CA key
 * answers for the certificates it issued. Statuses are read from the database. Answers to
 * nonce-less requests are cached until shortly before their nextUpdate and dropped the moment a
 * revocation commits, so a cached "good" never outlives a revocation here. While the token that
 * holds the signing key waits for its key custodians, a request the cache cannot answer gets an
 * unsigned {@code tryLater}.
 */
@ApplicationScoped
public class OcspService {

  private static final int CACHE_ENTRIES = 100_000;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateStatuses statuses;
  @Inject private CaToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private OcspResponders responders;

  @Inject private Clock clock;
  private volatile OcspResponder responder;
  private volatile OcspResponseCache cache;
  private volatile Instant builtAt = Instant.EPOCH;

  private static final Duration REBUILD_AFTER = Duration.ofMinutes(5);

  /** The DER OCSPResponse for a DER OCSPRequest; never throws for bad input. */
  public byte[] respond(byte[] request) {
    return responder().respond(request, clock.instant());
  }

  void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
    if (cache != null) {
      cache.invalidate(event.caName(), event.serialNumber());
    }
  }

  /** Forgets the answers for the CA certificates the root revoked, once that committed. */
  void onCaRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaCertificateRevoked event) {
    if (cache != null) {
      event.revokedSerials().forEach(serial -> cache.invalidate(event.issuerName(), serial));
    }
  }

  /**
   * The responder, rebuilt after a key rollover or a new responder certificate on this server, and
   * at least every {@link #REBUILD_AFTER} so that changes made by other servers sharing the
   * database (and expired responder certificates) are taken up.
   */
  private OcspResponder responder() {
    OcspResponder current = responder;
    if (current == null || clock.instant().isAfter(builtAt.plus(REBUILD_AFTER))) {
      synchronized (this) {
        if (responder == null || clock.instant().isAfter(builtAt.plus(REBUILD_AFTER))) {
          Duration validity = configuration.ocspValidity();
          if (cache == null) {
            cache = new OcspResponseCache(CACHE_ENTRIES, validity.dividedBy(4));
          }
          Map<ResponderIssuer, Integer> keys = new IdentityHashMap<>();
          responder = new OcspResponder(new DatabaseLookup(issuers(keys), keys), validity, cache);
          builtAt = clock.instant();
        }
        current = responder;
      }
    }
    return current;
  }

  /** Drops the responder so the next request builds it with the CA keys as they are now. */
  void onRolledOver(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaKeyRolledOver event) {
    reload();
  }

  /** Drops the responder so the next request signs with the new responder certificate. */
  void onResponderIssued(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) OcspResponderIssued event) {
    reload();
  }

  private synchronized void reload() {
    responder = null;
  }

  /**
   * Every CA key, current and retired: a CertID names the key that issued the certificate, and
   * after a rollover the old key answers for what it issued (CPS §6.5.1.6). {@code keys} receives
   * the index of the key each issuer stands for.
   */
  private ResponderIssuers issuers(Map<ResponderIssuer, Integer> keys) {
    for (CertificateAuthority ca : certificateAuthorities.all()) {
      IssuingCa key = CertificateAuthorities.asIssuer(ca);
      Optional<OcspSigner> delegate =
          configuration.delegatedOcspResponders() ? responders.current(ca) : Optional.empty();
      keys.put(
          delegate.map(responder -> delegated(key, responder)).orElse(caSigned(key)),
          key.keyIndex());
    }
    // a retired key the custodians destroyed answers no more (its certificates have all expired)
    certificateAuthorities.allRetiredKeys().stream()
        .filter(key -> cryptoToken.token().containsKey(key.getKeyAlias()))
        .map(CertificateAuthorities::asIssuer)
        .forEach(key -> keys.put(caSigned(key), key.keyIndex()));
    return ResponderIssuers.of(new ArrayList<>(keys.keySet()));
  }

  private ResponderIssuer delegated(IssuingCa key, OcspSigner responder) {
    SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(key.keyAlgorithm());
    String alias = responder.getKeyAlias();
    return ResponderIssuer.delegated(
        key.name(),
        key.certificate(),
        CertificateAuthorities.holder(responder.getCertificate().getEncoded()),
        () -> cryptoToken.token().contentSigner(alias, algorithm));
  }

  private ResponderIssuer caSigned(IssuingCa key) {
    SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(key.keyAlgorithm());
    String alias = key.keyAlias();
    return ResponderIssuer.caSigned(
        key.name(),
        key.certificate(),
        () -> cryptoToken.token().contentSigner(alias, algorithm),
        false);
  }

  private final class DatabaseLookup implements CertificateStatusLookup {
    private final ResponderIssuers issuers;
    private final Map<ResponderIssuer, Integer> keyIndexes;

    DatabaseLookup(ResponderIssuers issuers, Map<ResponderIssuer, Integer> keyIndexes) {
      this.issuers = issuers;
      this.keyIndexes = keyIndexes;
    }

    @Override
    public Optional<ResponderIssuer> issuerOf(CertID certId) {
      return issuers.find(certId);
    }

    @Override
    public OcspCertStatus status(ResponderIssuer issuer, BigInteger serialNumber) {
      return statuses.status(issuer.name(), keyIndexes.get(issuer), serialNumber);
    }
  }
}
