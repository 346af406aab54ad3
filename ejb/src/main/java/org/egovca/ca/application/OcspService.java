package org.egovca.ca.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.CertID;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.infrastructure.CaConfiguration;
import org.egovca.ca.infrastructure.CaCryptoToken;
import org.egovca.ca.x509.ocsp.CertificateStatus;
import org.egovca.ca.x509.ocsp.CertificateStatusLookup;
import org.egovca.ca.x509.ocsp.OcspResponder;
import org.egovca.ca.x509.ocsp.OcspResponseCache;
import org.egovca.ca.x509.ocsp.ResponderIssuer;
import org.egovca.ca.x509.ocsp.ResponderIssuers;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * The OCSP service (CPS §6.1.4.8.9, RFC 6960): answers for every CA of this system, each response
 * signed by the CA's own key in the token (SM2 or RSA), statuses read from the database. Answers to
 * nonce-less requests are cached until shortly before their nextUpdate and dropped the moment a
 * revocation commits, so a cached "good" never outlives a revocation here.
 */
@ApplicationScoped
public class OcspService {

  private static final int CACHE_ENTRIES = 100_000;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateStatuses statuses;
  @Inject private CaCryptoToken cryptoToken;
  @Inject private CaConfiguration configuration;

  private final Clock clock = Clock.systemUTC();
  private volatile OcspResponder responder;
  private volatile OcspResponseCache cache;

  /** The DER OCSPResponse for a DER OCSPRequest; never throws for bad input. */
  public byte[] respond(byte[] request) {
    return responder().respond(request, clock.instant());
  }

  void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
    if (cache != null) {
      cache.invalidate(event.caName(), event.serialNumber());
    }
  }

  private OcspResponder responder() {
    OcspResponder current = responder;
    if (current == null) {
      synchronized (this) {
        if (responder == null) {
          Duration validity = configuration.ocspValidity();
          cache = new OcspResponseCache(CACHE_ENTRIES, validity.dividedBy(4));
          responder = new OcspResponder(new DatabaseLookup(issuers()), validity, cache);
        }
        current = responder;
      }
    }
    return current;
  }

  private ResponderIssuers issuers() {
    return ResponderIssuers.of(certificateAuthorities.all().stream().map(this::caSigned).toList());
  }

  private ResponderIssuer caSigned(CertificateAuthority ca) {
    SignatureAlgorithm algorithm =
        SignatureAlgorithm.forKey(KeyAlgorithm.valueOf(ca.getKeyAlgorithm()));
    String alias = ca.getKeyAlias();
    return ResponderIssuer.caSigned(
        ca.getName(),
        CertificateAuthorities.holder(ca.getEncoded()),
        () -> cryptoToken.token().contentSigner(alias, algorithm),
        false);
  }

  private final class DatabaseLookup implements CertificateStatusLookup {
    private final ResponderIssuers issuers;

    DatabaseLookup(ResponderIssuers issuers) {
      this.issuers = issuers;
    }

    @Override
    public Optional<ResponderIssuer> issuerOf(CertID certId) {
      return issuers.find(certId);
    }

    @Override
    public CertificateStatus status(ResponderIssuer issuer, BigInteger serialNumber) {
      return statuses.status(issuer.name(), serialNumber);
    }
  }
}
