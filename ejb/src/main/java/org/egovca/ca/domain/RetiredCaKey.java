package org.egovca.ca.domain;

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
 * A CA key replaced by a rollover (CPS §6.5.1.6). The key stays in the token: it goes on signing
 * CRLs (and OCSP answers) for the certificates it issued until they have expired. Kept with it are
 * its CA certificate and the two link certificates issued when it was replaced.
 */
@Entity
@Table(name = "retired_ca_key")
@NamedQuery(
    name = RetiredCaKey.OF_CA,
    query = "SELECT k FROM RetiredCaKey k WHERE k.ca = :ca ORDER BY k.keyIndex")
@NamedQuery(
    name = RetiredCaKey.ALL,
    query = "SELECT k FROM RetiredCaKey k ORDER BY k.ca.id, k.keyIndex")
public class RetiredCaKey {

  public static final String OF_CA = "RetiredCaKey.ofCa";
  public static final String ALL = "RetiredCaKey.all";

  @Id
  @SequenceGenerator(
      name = "retired_ca_key_seq",
      sequenceName = "retired_ca_key_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retired_ca_key_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ca_id", nullable = false, updatable = false)
  private CertificateAuthority ca;

  @Column(name = "key_index", nullable = false, updatable = false)
  private int keyIndex;

  @Column(name = "key_alias", nullable = false, updatable = false, length = 64)
  private String keyAlias;

  @Column(name = "key_algorithm", nullable = false, updatable = false, length = 16)
  private String keyAlgorithm;

  @Column(nullable = false, updatable = false)
  private byte[] certificate;

  @Column(name = "new_with_old", nullable = false, updatable = false)
  private byte[] newWithOld;

  @Column(name = "old_with_new", nullable = false, updatable = false)
  private byte[] oldWithNew;

  @Column(name = "retired_at", nullable = false, updatable = false)
  private Instant retiredAt;

  protected RetiredCaKey() {}

  /** Records the current key of {@code ca}; call before {@link CertificateAuthority#rollOver}. */
  public RetiredCaKey(
      CertificateAuthority ca, byte[] newWithOld, byte[] oldWithNew, Instant retiredAt) {
    this.ca = Objects.requireNonNull(ca, "ca");
    this.keyIndex = ca.getKeyIndex();
    this.keyAlias = ca.getKeyAlias();
    this.keyAlgorithm = ca.getKeyAlgorithm();
    this.certificate = ca.getEncoded();
    this.newWithOld = newWithOld.clone();
    this.oldWithNew = oldWithNew.clone();
    this.retiredAt = Objects.requireNonNull(retiredAt, "retiredAt");
  }

  public CertificateAuthority getCa() {
    return ca;
  }

  public int getKeyIndex() {
    return keyIndex;
  }

  public String getKeyAlias() {
    return keyAlias;
  }

  public String getKeyAlgorithm() {
    return keyAlgorithm;
  }

  /** The CA certificate of this key (its NewWithNew when it was new). */
  public byte[] getCertificate() {
    return certificate.clone();
  }

  /** The successor key signed by this key. */
  public byte[] getNewWithOld() {
    return newWithOld.clone();
  }

  /** This key signed by the successor key. */
  public byte[] getOldWithNew() {
    return oldWithNew.clone();
  }

  public Instant getRetiredAt() {
    return retiredAt;
  }
}
