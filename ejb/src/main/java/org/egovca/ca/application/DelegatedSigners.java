package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.DelegatedSigner;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Keeps, for the current key of every CA, a signer that key delegates one task to (OCSP answers,
 * sync messages), so that the CA key signs only certificates and CRLs: a key pair made in the
 * crypto token like the CA's own (its private key never leaves the token), and a short-lived
 * certificate from the CA key with the profile of its {@link Delegation}, replaced before it runs
 * out, and after a CA key rollover certified by the new key. Each kind is a session bean of its own
 * that says when to check (its schedule, whether it is in use) and what follows an issuance; this
 * class holds what they share.
 *
 * @param <K> the record of one signer of the kind
 */
public abstract class DelegatedSigners<K extends DelegatedSigner> {

  private static final Logger LOG = Logger.getLogger(DelegatedSigners.class.getName());

  /** The latest signer of one CA key, in the table of a kind (an entity name, never input). */
  private static final String LATEST_OF_CA_KEY =
      "SELECT k FROM %s k WHERE k.ca = :ca AND k.caKeyIndex = :keyIndex"
          + " ORDER BY k.certificate.notAfter DESC";

  /** Records a new signer: the constructor of an entity. */
  interface SignerRecord<K> {
    K of(IssuedCertificate certificate, String keyAlias, Instant createdAt);
  }

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private CertificateIssuer issuer;
  @Inject private CaToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private BackgroundSigning signing;
  @Resource private SessionContext context;

  @Inject private Clock clock;
  private final Class<? extends DelegatedSigners<K>> bean;
  private final Class<K> signerType;
  private final SignerRecord<K> signerRecord;
  private final Delegation delegation;

  /**
   * @param bean the session bean's class, whose business object checks each CA in a transaction of
   *     its own
   */
  DelegatedSigners(
      Class<? extends DelegatedSigners<K>> bean,
      Class<K> signerType,
      SignerRecord<K> signerRecord,
      Delegation delegation) {
    this.bean = bean;
    this.signerType = signerType;
    this.signerRecord = signerRecord;
    this.delegation = delegation;
  }

  /** The signer certified by the current key of {@code ca}, if one is in force. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<K> current(CertificateAuthority ca) {
    Instant now = clock.instant();
    String entity = entityManager.getMetamodel().entity(signerType).getName();
    return entityManager
        .createQuery(String.format(LATEST_OF_CA_KEY, entity), signerType)
        .setParameter("ca", ca)
        .setParameter("keyIndex", ca.getKeyIndex())
        .setMaxResults(1)
        .getResultStream()
        .filter(signer -> signer.getCertificate().isUsableAt(now))
        .findFirst();
  }

  /** Checks every CA where this kind is in use: hourly, at start and after a key rollover. */
  public abstract void renewDue();

  /** After a rollover the new key certifies a signer of its own. */
  public void onRolledOver(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CaKeyRolledOver event) {
    renewDue();
  }

  /** Checks one CA: {@link #issueIfDue} in a transaction of its own. */
  public abstract void renewIfDue(String caName);

  /**
   * Checks every CA, each in a transaction of its own: one CA's failure leaves the others. Nothing
   * while the CA token is offline: the key pair and the certificate both need it, and the catch-up
   * after the activation checks again ({@link SigningCatchUp}).
   */
  void renewEveryCa() {
    String work = "the renewal of the " + delegation.role() + " certificates";
    if (!signing.mayRun(work)) {
      return;
    }
    DelegatedSigners<K> self = context.getBusinessObject(bean);
    for (CertificateAuthority ca : certificateAuthorities.all()) {
      try {
        self.renewIfDue(ca.getName());
      } catch (RuntimeException e) {
        if (!signing.stoppedByOfflineToken(work, e)) {
          LOG.log(
              Level.SEVERE, "could not renew the " + delegation.role() + " of " + ca.getName(), e);
        }
      }
    }
  }

  /**
   * Issues a signer to the current key of the CA named {@code caName} if it has none in force or
   * the one in force is about to run out.
   *
   * @return the signer issued, or empty if none was due
   */
  Optional<K> issueIfDue(String caName) {
    CertificateAuthority ca = certificateAuthorities.byName(caName).orElseThrow();
    if (ca.isRevoked()) {
      return Optional.empty(); // it issues nothing more; its signer in force serves till its end
    }
    Optional<Instant> inForceUntil = current(ca).map(s -> s.getCertificate().getNotAfter());
    Duration renewal = delegation.renewal().apply(configuration);
    if (!due(inForceUntil, clock.instant(), renewal, ca.getNotAfter())) {
      return Optional.empty();
    }
    KeyAlgorithm algorithm = KeyAlgorithm.valueOf(ca.getKeyAlgorithm());
    String alias = CertificateAuthorities.newKeyAlias(ca, delegation.aliasTag(), clock.instant());
    PublicKey key = cryptoToken.token().generateKeyPair(alias, algorithm);
    IssuedCertificate certificate =
        issuer.issue(
            ca,
            profiles.require(delegation.profile()),
            new EndEntityContent(
                delegation.subject(ca.getName()),
                SubjectPublicKeyInfo.getInstance(key.getEncoded()),
                List.of(),
                List.of()),
            delegation.actor(),
            delegation.terms());
    K signer = signerRecord.of(certificate, alias, clock.instant());
    entityManager.persist(signer);
    LOG.info(
        () ->
            "Issued the "
                + delegation.role()
                + " certificate "
                + certificate.getSerialNumberHex()
                + " of "
                + ca.getName()
                + ", valid until "
                + certificate.getNotAfter());
    return Optional.of(signer);
  }

  /**
   * Whether a CA key needs a new signer: none is in force, or the one in force ends within {@code
   * renewal}. A signer certificate ends with its CA certificate at the latest, so near the CA's end
   * it is not renewed again and again.
   *
   * @param inForceUntil the end of the signer certificate in force, if there is one
   */
  static boolean due(
      Optional<Instant> inForceUntil, Instant now, Duration renewal, Instant caNotAfter) {
    Instant renewAt = now.plus(renewal);
    Instant limit = renewAt.isAfter(caNotAfter) ? caNotAfter : renewAt;
    return inForceUntil.map(end -> end.isBefore(limit)).orElse(true);
  }
}
