package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.egovca.hsm.KeyAlgorithm;

/**
 * A holder's signing key pair the CA generated on the applicant's written request (CPS §6.1.4.10.1,
 * 代为生成密钥对), as the CA remembers it: where the key waits in the token for generated keys, the
 * certificate that certifies it, and what became of it. The private key is never here: it waits in
 * the token until it is handed over to the holder, once, and destroyed in the token at that moment;
 * a key nobody collects within {@link #HANDOVER_LIMIT} is destroyed unclaimed. Either way the CA
 * keeps no copy (§6.1.4.10.1: "承诺不保留私钥的副本").
 */
@Entity
@Table(name = "generated_key")
@NamedQuery(
    name = GeneratedKey.BY_CERTIFICATE,
    query = "SELECT k FROM GeneratedKey k WHERE k.certificate = :certificate")
@NamedQuery(
    name = GeneratedKey.WAITING,
    query = "SELECT k FROM GeneratedKey k WHERE k.state = :state ORDER BY k.handoverDueAt, k.id")
public class GeneratedKey {

  public static final String BY_CERTIFICATE = "GeneratedKey.byCertificate";
  public static final String WAITING = "GeneratedKey.waiting";

  /**
   * How long a generated key waits in the token for its holder: two weeks after the approval, time
   * enough for the applicant to come to the counter (CPS §6.1.4.3.2 item 3), short enough that no
   * key lies about for long.
   */
  public static final Duration HANDOVER_LIMIT = Duration.ofDays(14);

  /** Where the key is in its short life. */
  public enum State {
    /** In the token, waiting for its holder. */
    WAITING,
    /** Handed over to the holder and destroyed in the token. */
    HANDED_OVER,
    /** Destroyed without a handover: not collected in time, or lost with the token's memory. */
    DESTROYED
  }

  @Id
  @SequenceGenerator(
      name = "generated_key_seq",
      sequenceName = "generated_key_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "generated_key_seq")
  private Long id;

  @Column(name = "key_alias", nullable = false, length = 64)
  private String keyAlias;

  @Enumerated(EnumType.STRING)
  @Column(name = "key_algorithm", nullable = false, length = 16)
  private KeyAlgorithm keyAlgorithm;

  /** The DER SubjectPublicKeyInfo: public, and what the certificate certifies. */
  @Column(name = "public_key", nullable = false)
  private byte[] publicKey;

  @ManyToOne
  @JoinColumn(name = "certificate_id")
  private IssuedCertificate certificate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(name = "generated_at", nullable = false)
  private Instant generatedAt;

  @Column(name = "handover_due_at", nullable = false)
  private Instant handoverDueAt;

  @Column(name = "handed_over_at")
  private Instant handedOverAt;

  /** The operator who handed the key over. */
  @Column(name = "handed_over_by", length = 32)
  private String handedOverBy;

  /** Who received it: name and identity document, as the operator checked them. */
  @Column(name = "received_by", length = 512)
  private String receivedBy;

  /** When the key was destroyed in the token: at its handover, or unclaimed. */
  @Column(name = "destroyed_at")
  private Instant destroyedAt;

  protected GeneratedKey() {}

  /** A key pair just generated in the token under {@code keyAlias}, waiting for its holder. */
  public GeneratedKey(
      String keyAlias, KeyAlgorithm keyAlgorithm, byte[] publicKey, Instant generatedAt) {
    this.keyAlias = Objects.requireNonNull(keyAlias, "keyAlias");
    this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    this.publicKey = publicKey.clone();
    this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
    this.handoverDueAt = generatedAt.plus(HANDOVER_LIMIT);
    this.state = State.WAITING;
  }

  /** Records the certificate that certifies this key; a key is certified once. */
  public void certifiedBy(IssuedCertificate issued) {
    if (certificate != null) {
      throw new IllegalStateException("generated key " + keyAlias + " is already certified");
    }
    certificate = Objects.requireNonNull(issued, "issued");
  }

  /**
   * Records the handover to {@code recipient} by operator {@code operator}; the caller has
   * destroyed the key in the token.
   */
  public void handedOver(Instant at, String operator, String recipient) {
    requireWaiting();
    state = State.HANDED_OVER;
    handedOverAt = at;
    handedOverBy = Objects.requireNonNull(operator, "operator");
    receivedBy = Objects.requireNonNull(recipient, "recipient");
    destroyedAt = at;
  }

  /** Records that the key was destroyed without a handover. */
  public void destroyedUnclaimed(Instant at) {
    requireWaiting();
    state = State.DESTROYED;
    destroyedAt = at;
  }

  /** Whether it is still waiting after its time for the handover. */
  public boolean isOverdueAt(Instant now) {
    return state == State.WAITING && now.isAfter(handoverDueAt);
  }

  private void requireWaiting() {
    if (state != State.WAITING) {
      throw new IllegalStateException(
          "generated key " + keyAlias + " is no longer in the token: it is " + state);
    }
  }

  public Long getId() {
    return id;
  }

  public String getKeyAlias() {
    return keyAlias;
  }

  public KeyAlgorithm getKeyAlgorithm() {
    return keyAlgorithm;
  }

  public byte[] getPublicKey() {
    return publicKey.clone();
  }

  public IssuedCertificate getCertificate() {
    return certificate;
  }

  public State getState() {
    return state;
  }

  public Instant getGeneratedAt() {
    return generatedAt;
  }

  public Instant getHandoverDueAt() {
    return handoverDueAt;
  }

  public Instant getHandedOverAt() {
    return handedOverAt;
  }

  public String getHandedOverBy() {
    return handedOverBy;
  }

  public String getReceivedBy() {
    return receivedBy;
  }

  public Instant getDestroyedAt() {
    return destroyedAt;
  }
}
