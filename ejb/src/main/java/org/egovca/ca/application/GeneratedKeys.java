package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.port.GeneratedKeyToken;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.x509.HandoverPkcs12;
import org.egovca.hsm.ClearKeyRecipient;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Signing key pairs the CA generates for holders on the applicant's written request (CPS
 * §6.1.4.10.1): generated in the token for generated keys when the application is approved, handed
 * over once to the holder as a password-protected PKCS#12, and destroyed in the token at that
 * moment, so that the CA keeps no copy. Callers have authorised the request.
 *
 * <h2>Where the key waits between the approval and the handover</h2>
 *
 * In the token, and nowhere else. The PKCS#12 is built only at the handover, in memory, in the
 * request that returns it to the operator's browser, under the password the holder types at the
 * counter; the clear private key exists for the milliseconds that takes ({@link ClearKeyRecipient})
 * and its bytes are cleared at once. The alternatives are worse: a PKCS#12 built at the approval
 * would have to be handed to the reviewer, who is not the one who meets the holder (CPS §7.5.1.2
 * item 4: the entry clerk makes the holder's certificate, the reviewer vets), under a password the
 * reviewer would then know; and a PKCS#12 stored until the handover would put an encrypted copy of
 * the key into the database and its backups, which outlive the handover. The token's own files are
 * encrypted under a PIN that exists only in memory ({@link GeneratedKeyToken}), so even a disk
 * image of them holds nothing usable once the CA stops. A key waits at most {@link
 * GeneratedKey#HANDOVER_LIMIT}; then {@link #destroyUnclaimed()} destroys it and revokes its
 * certificate, which nobody can use.
 *
 * <p>Nothing here writes the private key to the database, a log or a file: the audit records name
 * the key's alias, type and certificate only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class GeneratedKeys {

  static final String SWEEP_ACTOR = "system:generated-key-sweep";
  private static final int SWEEP_SIZE = 100;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private GeneratedKeyToken tokens;
  @Inject private AuditLog auditLog;
  @Inject private CaCertificates caCertificates;
  @Inject private CertificateRevoker revoker;
  @Inject private Event<GeneratedKeyMade> made;

  @Inject private java.time.Clock clock;

  /**
   * Generates a key pair in the token for generated keys, waiting for its holder; should this
   * transaction roll back, the key is destroyed again ({@link GeneratedKeySweep}).
   */
  public GeneratedKey generate(KeyAlgorithm algorithm) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String alias = "holder-" + HexFormat.of().formatHex(random);
    PublicKey publicKey = tokens.token().generateKeyPair(alias, algorithm);
    made.fire(new GeneratedKeyMade(alias));
    GeneratedKey key = new GeneratedKey(alias, algorithm, publicKey.getEncoded(), clock.instant());
    entityManager.persist(key);
    return key;
  }

  /** Records the certificate of a key generated in this transaction, and audits the generation. */
  public void certify(GeneratedKey key, IssuedCertificate certificate, String actor) {
    key.certifiedBy(certificate);
    auditLog.success(
        actor,
        AuditAction.KEY_PAIR_GENERATED,
        "serial=" + certificate.getSerialNumberHex(),
        key.getKeyAlgorithm().displayName()
            + " key pair "
            + key.getKeyAlias()
            + " generated in token "
            + tokens.name()
            + " on the applicant's written request (CPS 6.1.4.10.1); it waits there for its"
            + " holder until "
            + key.getHandoverDueAt());
  }

  /** The generated key {@code certificate} certifies, if the CA generated it. */
  public Optional<GeneratedKey> of(IssuedCertificate certificate) {
    return entityManager
        .createNamedQuery(GeneratedKey.BY_CERTIFICATE, GeneratedKey.class)
        .setParameter("certificate", certificate)
        .getResultStream()
        .findFirst();
  }

  /**
   * Hands the key over: its PKCS#12 under {@code password} with the certificate chain, built in
   * memory; the key is destroyed in the token before this returns and recorded as received by
   * {@code recipient} from {@code operator}. The caller clears the password.
   *
   * @throws Refusal WRONG_STATE if the key was handed over or destroyed already, or is no longer in
   *     the token (lost when the CA restarted)
   */
  public byte[] handOver(
      GeneratedKey key, char[] password, String friendlyName, String operator, String recipient) {
    GeneratedKey waiting = locked(key);
    requireWaiting(waiting);
    CryptoToken token = tokens.token();
    if (!token.containsKey(waiting.getKeyAlias())) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "generatedKey.lost",
          "the generated key is no longer in token "
              + tokens.name()
              + ": it was lost when the CA restarted; its certificate is revoked by the sweep of"
              + " generated keys, and the applicant applies again");
    }
    byte[] privateKeyInfo = ClearKeyRecipient.receive(token, waiting.getKeyAlias());
    try {
      byte[] pkcs12 =
          HandoverPkcs12.build(
              privateKeyInfo, chain(waiting.getCertificate()), friendlyName, password);
      token.destroyKey(waiting.getKeyAlias());
      waiting.handedOver(clock.instant(), operator, recipient);
      return pkcs12;
    } finally {
      Arrays.fill(privateKeyInfo, (byte) 0);
    }
  }

  /**
   * Destroys the keys nobody collected within {@link GeneratedKey#HANDOVER_LIMIT}, and those lost
   * with the token's memory at a restart, and revokes their certificates (the CPS's condition G,
   * RFC 5280 cessationOfOperation: the holder never received the key, so nobody can use them).
   *
   * @return how many keys it destroyed
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int destroyUnclaimed() {
    Instant now = clock.instant();
    CryptoToken token = tokens.token();
    List<Long> candidates = new ArrayList<>();
    for (GeneratedKey key :
        entityManager
            .createNamedQuery(GeneratedKey.WAITING, GeneratedKey.class)
            .setParameter("state", GeneratedKey.State.WAITING)
            .getResultList()) {
      if (key.isOverdueAt(now) || !token.containsKey(key.getKeyAlias())) {
        candidates.add(key.getId());
      }
    }
    int destroyed = 0;
    for (Long id : candidates.subList(0, Math.min(SWEEP_SIZE, candidates.size()))) {
      GeneratedKey key = entityManager.find(GeneratedKey.class, id, LockModeType.PESSIMISTIC_WRITE);
      entityManager.refresh(key);
      // a handover may have taken it while the list was read: the lock waited for its commit
      boolean lost = !token.containsKey(key.getKeyAlias());
      if (key.getState() == GeneratedKey.State.WAITING && (lost || key.isOverdueAt(now))) {
        destroy(key, lost, now);
        destroyed++;
      }
    }
    return destroyed;
  }

  private void destroy(GeneratedKey key, boolean lost, Instant now) {
    if (!lost) {
      tokens.token().destroyKey(key.getKeyAlias());
    }
    key.destroyedUnclaimed(now);
    IssuedCertificate certificate = key.getCertificate();
    String target =
        certificate == null
            ? "key=" + key.getKeyAlias()
            : "serial=" + certificate.getSerialNumberHex();
    auditLog.success(
        SWEEP_ACTOR,
        AuditAction.GENERATED_KEY_DESTROYED,
        target,
        "generated key "
            + key.getKeyAlias()
            + (lost
                ? " was lost when the CA restarted before its handover"
                : " was not collected by "
                    + key.getHandoverDueAt()
                    + " and is destroyed in token "
                    + tokens.name())
            + "; nobody holds it");
    if (certificate != null && certificate.getStatus() == CertificateStatus.GOOD) {
      revoker.revoke(
          certificate.getSerialNumber(),
          RevocationReason.G_AGREEMENT_TERMINATED,
          RevocationInitiator.CA,
          SWEEP_ACTOR);
    }
  }

  private GeneratedKey locked(GeneratedKey key) {
    GeneratedKey locked =
        entityManager.find(GeneratedKey.class, key.getId(), LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(locked);
    return locked;
  }

  private static void requireWaiting(GeneratedKey key) {
    switch (key.getState()) {
      case HANDED_OVER ->
          throw new Refusal(
              RefusalCode.WRONG_STATE,
              "generatedKey.handedOver",
              "the generated key was handed over on "
                  + key.getHandedOverAt()
                  + " to "
                  + key.getReceivedBy()
                  + " and destroyed in the token: the CA keeps no copy, so it cannot be handed"
                  + " over again");
      case DESTROYED ->
          throw new Refusal(
              RefusalCode.WRONG_STATE,
              "generatedKey.destroyed",
              "the generated key was destroyed on "
                  + key.getDestroyedAt()
                  + " without a handover (not collected in time, or lost at a restart); the"
                  + " applicant applies again");
      case WAITING -> {
        // it is in the token for its holder
      }
    }
  }

  /**
   * The holder's certificate, then the certificate of the CA key that signed it, up to the root.
   */
  private List<byte[]> chain(IssuedCertificate certificate) {
    List<byte[]> chain = new ArrayList<>();
    chain.add(certificate.getEncoded());
    String caName = certificate.getIssuer().getName();
    caCertificates.certificate(caName, certificate.getCaKeyIndex()).ifPresent(chain::add);
    caCertificates
        .chain(caName)
        .ifPresent(above -> chain.addAll(above.subList(Math.min(1, above.size()), above.size())));
    return chain;
  }
}
