package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.OcspResponderKey;
import org.egovca.ca.infrastructure.CaConfiguration;
import org.egovca.ca.infrastructure.CaCryptoToken;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Keeps a delegated OCSP responder (RFC 6960 §4.2.2.2) for the current key of every CA: a key pair
 * in the token like the CA's own, and a short-lived certificate from the CA key with
 * id-kp-OCSPSigning and id-pkix-ocsp-nocheck, replaced before it runs out. Checked at start, every
 * hour and after a CA key rollover.
 */
@Stateless
public class OcspResponders {

  private static final Logger LOG = Logger.getLogger(OcspResponders.class.getName());
  static final String ACTOR = "system:ocsp-responders";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private CertificateIssuer issuer;
  @Inject private CaCryptoToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private Event<OcspResponderIssued> issued;
  @Resource private SessionContext context;

  private final Clock clock = Clock.systemUTC();

  /** The responder that signs for the current key of {@code ca}, if one is in force. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<OcspResponderKey> current(CertificateAuthority ca) {
    Instant now = clock.instant();
    return entityManager
        .createNamedQuery(OcspResponderKey.LATEST_OF_CA_KEY, OcspResponderKey.class)
        .setParameter("ca", ca)
        .setParameter("generation", ca.getKeyGeneration())
        .setMaxResults(1)
        .getResultStream()
        .filter(responder -> responder.getCertificate().isUsableAt(now))
        .findFirst();
  }

  /** Issues responders where none is in force or the one in force is about to run out. */
  @Schedule(hour = "*", minute = "7", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void renewDue() {
    if (!configuration.delegatedOcspResponders()) {
      return;
    }
    for (CertificateAuthority ca : certificateAuthorities.all()) {
      try {
        self().renewIfDue(ca.getName());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "could not renew the OCSP responder of " + ca.getName(), e);
      }
    }
  }

  /** After a rollover the new key needs its own responder. */
  public void onRolledOver(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CaKeyRolledOver event) {
    renewDue();
  }

  /** One CA, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void renewIfDue(String caName) {
    CertificateAuthority ca = certificateAuthorities.byName(caName).orElseThrow();
    Instant renewAt = clock.instant().plus(configuration.ocspResponderRenewal());
    // A responder certificate ends with its CA certificate at the latest: near the CA's end it is
    // not renewed again and again.
    Instant limit = renewAt.isAfter(ca.getNotAfter()) ? ca.getNotAfter() : renewAt;
    boolean due =
        current(ca).map(r -> r.getCertificate().getNotAfter().isBefore(limit)).orElse(true);
    if (!due) {
      return;
    }
    KeyAlgorithm algorithm = KeyAlgorithm.valueOf(ca.getKeyAlgorithm());
    String alias = CertificateAuthorities.newKeyAlias(ca, "ocsp", clock.instant());
    PublicKey key = cryptoToken.token().generateKeyPair(alias, algorithm);
    IssuedCertificate certificate =
        issuer.issue(
            ca,
            profiles.require(CertificateProfiles.OCSP_SIGNER),
            new EndEntityContent(
                subject(ca),
                SubjectPublicKeyInfo.getInstance(key.getEncoded()),
                List.of(),
                List.of()),
            ACTOR);
    entityManager.persist(new OcspResponderKey(certificate, alias, clock.instant()));
    issued.fire(new OcspResponderIssued(ca.getName()));
    LOG.info(
        () ->
            "Issued the OCSP responder certificate "
                + certificate.getSerialNumberHex()
                + " of "
                + ca.getName()
                + ", valid until "
                + certificate.getNotAfter());
  }

  private static X500Name subject(CertificateAuthority ca) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.O, "iFutureCA")
        .addRDN(BCStyle.OU, "OCSP")
        .addRDN(BCStyle.CN, ca.getName() + " OCSP Responder")
        .build();
  }

  private OcspResponders self() {
    return context.getBusinessObject(OcspResponders.class);
  }
}
