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
 * A CA certificate that its parent CA (the root) issued to a subordinate CA and has revoked: an
 * entry of the parent's CRL signed by the parent key {@link #getIssuerKeyIndex()} (the root's ARL),
 * and the status OCSP gives for it. CA certificates are not {@link IssuedCertificate} rows (the CA
 * rows and {@link RetiredCaKey} hold them), so their revocations are kept here; the key ceremony
 * that authorised the revocation is named by its id.
 */
@Entity
@Table(name = "revoked_ca_certificate")
@NamedQuery(
    name = RevokedCaCertificate.OF_ISSUER_KEY,
    query =
        "SELECT r FROM RevokedCaCertificate r WHERE r.issuer = :issuer"
            + " AND r.issuerKeyIndex = :keyIndex AND r.notAfter > :now"
            + " AND r.revokedAt >= :since ORDER BY r.revokedAt, r.id")
@NamedQuery(
    name = RevokedCaCertificate.BY_SERIAL,
    query =
        "SELECT r FROM RevokedCaCertificate r WHERE r.issuer.name = :issuerName"
            + " AND r.issuerKeyIndex = :keyIndex AND r.serialNumber = :serial")
@NamedQuery(
    name = RevokedCaCertificate.OF_CA,
    query = "SELECT r FROM RevokedCaCertificate r WHERE r.ca = :ca ORDER BY r.caKeyIndex")
public class RevokedCaCertificate {

  public static final String OF_ISSUER_KEY = "RevokedCaCertificate.ofIssuerKey";
  public static final String BY_SERIAL = "RevokedCaCertificate.bySerial";
  public static final String OF_CA = "RevokedCaCertificate.ofCa";

  @Id
  @SequenceGenerator(
      name = "revoked_ca_certificate_seq",
      sequenceName = "revoked_ca_certificate_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revoked_ca_certificate_seq")
  private Long id;

  /** The CA whose key signed the certificate: the parent of {@link #ca}. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "issuer_id", nullable = false, updatable = false)
  private CertificateAuthority issuer;

  @Column(name = "issuer_key_index", nullable = false, updatable = false)
  private int issuerKeyIndex;

  /** The subordinate CA the certificate was issued to. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "ca_id", nullable = false, updatable = false)
  private CertificateAuthority ca;

  /** The key of {@link #ca} the certificate certifies. */
  @Column(name = "ca_key_index", nullable = false, updatable = false)
  private int caKeyIndex;

  @Column(name = "serial_number", nullable = false, updatable = false, length = 40)
  private String serialNumber;

  @Column(name = "not_after", nullable = false, updatable = false)
  private Instant notAfter;

  @Column(name = "revoked_at", nullable = false, updatable = false)
  private Instant revokedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason", nullable = false, updatable = false, length = 32)
  private CaRevocationReason revocationReason;

  @Column(name = "ceremony_id", nullable = false, updatable = false)
  private long ceremonyId;

  protected RevokedCaCertificate() {}

  /**
   * @param issuerKeyIndex the key of {@code issuer} that signed the certificate
   * @param caKeyIndex the key of {@code ca} the certificate certifies
   */
  public RevokedCaCertificate(
      CertificateAuthority issuer,
      int issuerKeyIndex,
      CertificateAuthority ca,
      int caKeyIndex,
      BigInteger serialNumber,
      Instant notAfter,
      Instant revokedAt,
      CaRevocationReason reason,
      long ceremonyId) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.ca = Objects.requireNonNull(ca, "ca");
    if (ca.getParent() == null || !ca.getParent().getId().equals(issuer.getId())) {
      throw new IllegalArgumentException(
          "CA " + ca.getName() + " is not a subordinate CA of " + issuer.getName());
    }
    this.issuerKeyIndex = issuerKeyIndex;
    this.caKeyIndex = caKeyIndex;
    this.serialNumber = SerialNumbers.toHex(serialNumber);
    this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
    this.revokedAt = Objects.requireNonNull(revokedAt, "revokedAt");
    this.revocationReason = Objects.requireNonNull(reason, "reason");
    this.ceremonyId = ceremonyId;
  }

  public CertificateAuthority getIssuer() {
    return issuer;
  }

  public int getIssuerKeyIndex() {
    return issuerKeyIndex;
  }

  public CertificateAuthority getCa() {
    return ca;
  }

  public int getCaKeyIndex() {
    return caKeyIndex;
  }

  public BigInteger getSerialNumber() {
    return SerialNumbers.fromHex(serialNumber);
  }

  public Instant getNotAfter() {
    return notAfter;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public CaRevocationReason getRevocationReason() {
    return revocationReason;
  }

  public long getCeremonyId() {
    return ceremonyId;
  }
}
