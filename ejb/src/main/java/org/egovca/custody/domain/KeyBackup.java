package org.egovca.custody.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A copy of a CA key in a backup token, made in a backup ceremony (CPS §6.5.2.2): where the backup
 * token is, which key it holds, and the backup token's PIN sealed under the secret of the share
 * distribution current then, so that only three custodians together can restore from it.
 */
@Entity
@Table(name = "key_backup")
@NamedQuery(
    name = KeyBackup.OF_KEY,
    query =
        "SELECT b FROM KeyBackup b WHERE b.keyAlias = :alias ORDER BY b.createdAt DESC, b.id DESC")
@NamedQuery(
    name = KeyBackup.OF_DISTRIBUTION,
    query = "SELECT b FROM KeyBackup b WHERE b.distribution = :distribution ORDER BY b.id")
public class KeyBackup {

  public static final String OF_KEY = "KeyBackup.ofKey";
  public static final String OF_DISTRIBUTION = "KeyBackup.ofDistribution";

  @Id
  @SequenceGenerator(name = "key_backup_seq", sequenceName = "key_backup_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "key_backup_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ceremony_id", nullable = false)
  private KeyCeremony ceremony;

  @Column(name = "key_alias", nullable = false, length = 64)
  private String keyAlias;

  @Column(name = "key_algorithm", nullable = false, length = 16)
  private String keyAlgorithm;

  @Column(name = "public_key", nullable = false)
  private byte[] publicKey;

  /** The backup token's directory. */
  @Column(nullable = false, length = 1024)
  private String location;

  @ManyToOne(optional = false)
  @JoinColumn(name = "distribution_id", nullable = false)
  private ShareDistribution distribution;

  @Column(name = "sealed_pin", nullable = false)
  private byte[] sealedPin;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected KeyBackup() {}

  public KeyBackup(
      KeyCeremony ceremony,
      String keyAlias,
      String keyAlgorithm,
      byte[] publicKey,
      String location,
      ShareDistribution distribution,
      byte[] sealedPin,
      Instant createdAt) {
    this.ceremony = Objects.requireNonNull(ceremony, "ceremony");
    this.keyAlias = Objects.requireNonNull(keyAlias, "keyAlias");
    this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    this.publicKey = publicKey.clone();
    this.location = Objects.requireNonNull(location, "location");
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    this.sealedPin = sealedPin.clone();
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** What the backup token's PIN is sealed to, beside the secret: the key it holds. */
  public static String sealingName(String keyAlias) {
    return "backup of " + keyAlias;
  }

  /**
   * The key was destroyed: its backup's PIN is forgotten, so that no ceremony restores it; the
   * backup media are erased by hand (the destruction's record names where they are).
   */
  public void keyDestroyed() {
    this.sealedPin = new byte[0];
  }

  /** Whether the key's destruction made this backup unusable. */
  public boolean isUsable() {
    return sealedPin.length > 0;
  }

  /** The PIN sealed anew under the secret of a new distribution (a re-sharing). */
  public void resealed(ShareDistribution newDistribution, byte[] newSealedPin) {
    this.distribution = Objects.requireNonNull(newDistribution, "newDistribution");
    this.sealedPin = newSealedPin.clone();
  }

  public Long getId() {
    return id;
  }

  public KeyCeremony getCeremony() {
    return ceremony;
  }

  public String getKeyAlias() {
    return keyAlias;
  }

  public String getKeyAlgorithm() {
    return keyAlgorithm;
  }

  public byte[] getPublicKey() {
    return publicKey.clone();
  }

  public String getLocation() {
    return location;
  }

  public ShareDistribution getDistribution() {
    return distribution;
  }

  public byte[] getSealedPin() {
    return sealedPin.clone();
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
