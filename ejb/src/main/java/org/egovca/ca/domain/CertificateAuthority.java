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
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate authority operated by this system: its name (used in URLs such as {@code
 * /pki/ca/{caName}.crt}), its current CA certificate and the alias of its private key inside the
 * crypto token. The private key itself never appears here.
 */
@Entity
@Table(name = "certificate_authority")
@NamedQuery(
    name = CertificateAuthority.BY_NAME,
    query = "SELECT c FROM CertificateAuthority c WHERE c.name = :name")
@NamedQuery(name = CertificateAuthority.ALL, query = "SELECT c FROM CertificateAuthority c")
@NamedQuery(
    name = CertificateAuthority.SUBORDINATES,
    query = "SELECT c FROM CertificateAuthority c WHERE c.parent = :parent ORDER BY c.id")
public class CertificateAuthority {

  public static final String BY_NAME = "CertificateAuthority.byName";
  public static final String ALL = "CertificateAuthority.all";
  public static final String SUBORDINATES = "CertificateAuthority.subordinates";

  /** The console's message key of the refusal to issue from a revoked CA. */
  public static final String REVOKED_MESSAGE_KEY = "ca.revoked";

  /**
   * {@code /pki/crl/X-delta.crl} is the delta CRL of CA X; a CA named "X-delta" would have its
   * complete CRL at the same URL.
   */
  private static final String DELTA_CRL_NAME_SUFFIX = "-delta";

  @Id
  @SequenceGenerator(
      name = "certificate_authority_seq",
      sequenceName = "certificate_authority_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_authority_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(name = "subject_dn", nullable = false, length = 1024)
  private String subjectDn;

  @ManyToOne
  @JoinColumn(name = "parent_id")
  private CertificateAuthority parent;

  @Column(name = "key_alias", nullable = false, length = 64)
  private String keyAlias;

  @Column(name = "key_algorithm", nullable = false, length = 16)
  private String keyAlgorithm;

  @Column(name = "serial_number", nullable = false, length = 40)
  private String serialNumber;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false)
  private Instant notAfter;

  @Column(nullable = false)
  private byte[] encoded;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Which key of this CA is current: 1 for the first, one more after each rollover. */
  @Column(name = "key_index", nullable = false)
  private int keyIndex = 1;

  /** When the parent CA revoked this CA's certificates; null while it is not revoked. */
  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason", length = 32)
  private CaRevocationReason revocationReason;

  protected CertificateAuthority() {}

  public CertificateAuthority(
      String name,
      String subjectDn,
      CertificateAuthority parent,
      String keyAlias,
      String keyAlgorithm,
      BigInteger serialNumber,
      Instant notBefore,
      Instant notAfter,
      byte[] encoded,
      Instant createdAt) {
    this.name = requireText(name, "CA name");
    if (name.endsWith(DELTA_CRL_NAME_SUFFIX)) {
      throw new IllegalArgumentException(
          "CA name "
              + name
              + " must not end in "
              + DELTA_CRL_NAME_SUFFIX
              + ": /pki/crl/"
              + name
              + ".crl is the delta CRL of CA "
              + name.substring(0, name.length() - DELTA_CRL_NAME_SUFFIX.length()));
    }
    this.subjectDn = requireText(subjectDn, "CA subject DN");
    this.parent = parent;
    this.keyAlias = requireText(keyAlias, "key alias");
    this.keyAlgorithm = requireText(keyAlgorithm, "key algorithm");
    this.serialNumber = SerialNumbers.toHex(serialNumber);
    this.notBefore = Objects.requireNonNull(notBefore);
    this.notAfter = Objects.requireNonNull(notAfter);
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("CA certificate validity ends before it starts");
    }
    this.encoded = encoded.clone();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSubjectDn() {
    return subjectDn;
  }

  public CertificateAuthority getParent() {
    return parent;
  }

  public boolean isRoot() {
    return parent == null;
  }

  public String getKeyAlias() {
    return keyAlias;
  }

  public String getKeyAlgorithm() {
    return keyAlgorithm;
  }

  public BigInteger getSerialNumber() {
    return SerialNumbers.fromHex(serialNumber);
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  public Instant getNotAfter() {
    return notAfter;
  }

  public byte[] getEncoded() {
    return encoded.clone();
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public int getKeyIndex() {
    return keyIndex;
  }

  /** Whether the parent CA revoked this CA's certificates: the CA then issues nothing more. */
  public boolean isRevoked() {
    return revokedAt != null;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public CaRevocationReason getRevocationReason() {
    return revocationReason;
  }

  /**
   * Refuses to issue from a revoked CA: checked by every issuing path before anything is signed,
   * generated or written.
   *
   * @throws Refusal CA_REVOKED once the parent CA revoked this CA's certificates
   */
  public void requireNotRevoked() {
    if (isRevoked()) {
      throw new Refusal(
          RefusalCode.CA_REVOKED,
          REVOKED_MESSAGE_KEY,
          "the certificate of CA "
              + name
              + " was revoked at "
              + revokedAt
              + " ("
              + revocationReason
              + "): it issues no more certificates");
    }
  }

  /**
   * Records that the parent CA revoked this CA's certificates (the caller records each of them as a
   * {@link RevokedCaCertificate}). For good: no interface takes a revocation back.
   *
   * @throws IllegalStateException for a root CA, which no CA above it can revoke, or a CA revoked
   *     already
   */
  public void revoke(Instant when, CaRevocationReason reason) {
    if (isRoot()) {
      throw new IllegalStateException(
          "CA " + name + " is a root CA: no CA above it can revoke its certificate");
    }
    if (isRevoked()) {
      throw new IllegalStateException(
          "the certificates of CA " + name + " were already revoked at " + revokedAt);
    }
    this.revokedAt = Objects.requireNonNull(when, "when");
    this.revocationReason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Makes a new key current (CPS §6.5.1.6): the caller keeps the retiring key as a {@link
   * RetiredCaKey} before calling this.
   *
   * @param certificate the NewWithNew certificate of the new key
   */
  public void rollOver(
      String newKeyAlias,
      BigInteger serialNumber,
      Instant notBefore,
      Instant notAfter,
      byte[] certificate) {
    if (newKeyAlias.equals(keyAlias)) {
      throw new IllegalArgumentException("a rollover needs a new key, not " + keyAlias);
    }
    this.keyAlias = requireText(newKeyAlias, "key alias");
    this.serialNumber = SerialNumbers.toHex(serialNumber);
    this.notBefore = Objects.requireNonNull(notBefore);
    this.notAfter = Objects.requireNonNull(notAfter);
    this.encoded = certificate.clone();
    this.keyIndex++;
  }
}
