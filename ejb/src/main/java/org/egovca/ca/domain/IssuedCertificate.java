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
import java.util.HexFormat;
import java.util.Objects;

/**
 * A certificate issued by one of our CAs, with the DER encoding exactly as signed. Certificates are
 * public (CPS §6.3.2); the registration data behind them is not stored here.
 */
@Entity
@Table(name = "issued_certificate")
@NamedQuery(
    name = IssuedCertificate.BY_SERIAL,
    query =
        "SELECT c FROM IssuedCertificate c WHERE c.issuer = :issuer AND c.serialNumber = :serial")
@NamedQuery(
    name = IssuedCertificate.BY_SERIAL_AND_CA_NAME,
    query =
        "SELECT c FROM IssuedCertificate c WHERE c.issuer.name = :caName"
            + " AND c.serialNumber = :serial")
@NamedQuery(
    name = IssuedCertificate.VALID_BY_SUBJECT_AND_PROFILE,
    query =
        "SELECT c FROM IssuedCertificate c WHERE c.subjectDn = :subjectDn"
            + " AND c.profile = :profile"
            + " AND c.status = org.egovca.ca.domain.CertificateStatus.GOOD"
            + " AND c.notAfter > :now")
@NamedQuery(
    name = IssuedCertificate.VALID_BY_PROFILE,
    query =
        "SELECT c FROM IssuedCertificate c WHERE c.profile = :profile"
            + " AND c.status = org.egovca.ca.domain.CertificateStatus.GOOD"
            + " AND c.notAfter > :now")
@NamedQuery(
    name = IssuedCertificate.BY_SERIAL_ANY_ISSUER,
    query = "SELECT c FROM IssuedCertificate c WHERE c.serialNumber = :serial")
@NamedQuery(
    name = IssuedCertificate.NEWEST_FIRST,
    query = "SELECT c FROM IssuedCertificate c ORDER BY c.issuedAt DESC, c.id DESC")
@NamedQuery(
    name = IssuedCertificate.REVOKED_BY_ISSUER,
    query =
        "SELECT c FROM IssuedCertificate c WHERE c.issuer = :issuer"
            + " AND c.status = org.egovca.ca.domain.CertificateStatus.REVOKED"
            + " ORDER BY c.revokedAt, c.id")
public class IssuedCertificate {

  public static final String BY_SERIAL = "IssuedCertificate.bySerial";
  public static final String BY_SERIAL_AND_CA_NAME = "IssuedCertificate.bySerialAndCaName";
  public static final String VALID_BY_SUBJECT_AND_PROFILE =
      "IssuedCertificate.validBySubjectAndProfile";
  public static final String BY_SERIAL_ANY_ISSUER = "IssuedCertificate.bySerialAnyIssuer";
  public static final String VALID_BY_PROFILE = "IssuedCertificate.validByProfile";
  public static final String NEWEST_FIRST = "IssuedCertificate.newestFirst";
  public static final String REVOKED_BY_ISSUER = "IssuedCertificate.revokedByIssuer";

  @Id
  @SequenceGenerator(
      name = "issued_certificate_seq",
      sequenceName = "issued_certificate_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issued_certificate_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ca_id", nullable = false)
  private CertificateAuthority issuer;

  @Column(name = "serial_number", nullable = false, length = 40)
  private String serialNumber;

  @Column(name = "subject_dn", nullable = false, length = 1024)
  private String subjectDn;

  @Column(nullable = false, length = 64)
  private String profile;

  @Column(name = "profile_version", nullable = false)
  private int profileVersion;

  /** The index of the issuer's key that signed this certificate (see CA key rollover). */
  @Column(name = "ca_key_index", nullable = false)
  private int caKeyIndex;

  @Column(name = "key_algorithm", nullable = false, length = 16)
  private String keyAlgorithm;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CertificateStatus status;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false)
  private Instant notAfter;

  @Column(name = "fingerprint_sha256", nullable = false, unique = true, length = 64)
  private String fingerprintSha256;

  @Column(nullable = false)
  private byte[] encoded;

  @Column(name = "requested_by", nullable = false, length = 256)
  private String requestedBy;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason", length = 32)
  private RevocationReason revocationReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_initiator", length = 32)
  private RevocationInitiator revocationInitiator;

  /** The other certificate of a signing/encryption pair (CPS §6.1.4.10), or null. */
  @jakarta.persistence.OneToOne
  @jakarta.persistence.JoinColumn(name = "paired_certificate_id")
  private IssuedCertificate pairedCertificate;

  @Column(name = "application_unit_id")
  private Long applicationUnitId;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "issuance_kind", nullable = false, length = 8)
  private IssuanceKind issuanceKind = IssuanceKind.ISSUE;

  @Column(name = "directory_consent", nullable = false)
  private boolean directoryConsent = true;

  /** The remote RA account it was requested through, or null. */
  @Column(name = "client_account_id")
  private Long clientAccountId;

  protected IssuedCertificate() {}

  public IssuedCertificate(
      CertificateAuthority issuer,
      BigInteger serialNumber,
      String subjectDn,
      String profile,
      int profileVersion,
      String keyAlgorithm,
      Instant notBefore,
      Instant notAfter,
      byte[] fingerprintSha256,
      byte[] encoded,
      String requestedBy,
      Instant issuedAt) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    // Certificates are always signed with the CA's current key.
    this.caKeyIndex = issuer.getKeyIndex();
    this.serialNumber = SerialNumbers.toHex(serialNumber);
    this.subjectDn = Objects.requireNonNull(subjectDn, "subjectDn");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.profileVersion = profileVersion;
    this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    this.status = CertificateStatus.GOOD;
    this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
    this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
    this.fingerprintSha256 = HexFormat.of().formatHex(fingerprintSha256);
    this.encoded = encoded.clone();
    this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
  }

  /**
   * Revokes this certificate (CPS §6.1.4.8). A certificate is revoked once: revocation is final,
   * and an expired certificate is no longer revoked (it has left the CRL's scope).
   *
   * @throws IllegalStateException when the certificate is already revoked or has expired
   */
  public void revoke(Instant at, RevocationReason reason, RevocationInitiator initiator) {
    if (status == CertificateStatus.REVOKED) {
      throw new IllegalStateException(
          "certificate " + serialNumber + " was already revoked at " + revokedAt);
    }
    if (at.isAfter(notAfter)) {
      throw new IllegalStateException("certificate " + serialNumber + " expired at " + notAfter);
    }
    this.status = CertificateStatus.REVOKED;
    this.revokedAt = java.util.Objects.requireNonNull(at, "at");
    this.revocationReason = java.util.Objects.requireNonNull(reason, "reason");
    this.revocationInitiator = java.util.Objects.requireNonNull(initiator, "initiator");
  }

  /**
   * Makes this certificate and {@code other} a signing/encryption pair of one holder: the same
   * subject, issued by the same CA.
   */
  public void pairWith(IssuedCertificate other) {
    if (other == this || pairedCertificate != null || other.pairedCertificate != null) {
      throw new IllegalStateException("a certificate belongs to at most one pair");
    }
    if (!subjectDn.equals(other.subjectDn) || issuer != other.issuer) {
      throw new IllegalStateException("the certificates of a pair share subject and issuer");
    }
    this.pairedCertificate = other;
    other.pairedCertificate = this;
  }

  /**
   * Records the terms it is issued under: business type, directory consent, unit (R19), remote RA.
   */
  public void issuedUnder(IssuanceTerms terms) {
    this.issuanceKind = terms.kind();
    this.directoryConsent = terms.directoryConsent();
    this.applicationUnitId = terms.applicationUnitId();
    this.clientAccountId = terms.clientAccountId();
  }

  /** The remote RA account the certificate was requested through, or null. */
  public Long getClientAccountId() {
    return clientAccountId;
  }

  public IssuanceKind getIssuanceKind() {
    return issuanceKind;
  }

  /** Whether the holder consented to publication in the directory (CPS §6.1.4.4.2). */
  public boolean isDirectoryConsent() {
    return directoryConsent;
  }

  public Long getApplicationUnitId() {
    return applicationUnitId;
  }

  public IssuedCertificate getPairedCertificate() {
    return pairedCertificate;
  }

  /** True when the certificate is GOOD and {@code now} lies inside its validity period. */
  public boolean isUsableAt(Instant now) {
    return status == CertificateStatus.GOOD && !now.isBefore(notBefore) && !now.isAfter(notAfter);
  }

  /**
   * The status at {@code now}: REVOKED once revoked, else EXPIRED after its notAfter, else GOOD.
   * Only here does EXPIRED arise; {@link #getStatus()} is the stored GOOD or REVOKED.
   */
  public CertificateStatus statusAt(Instant now) {
    if (status == CertificateStatus.REVOKED) {
      return CertificateStatus.REVOKED;
    }
    return now.isAfter(notAfter) ? CertificateStatus.EXPIRED : CertificateStatus.GOOD;
  }

  public Long getId() {
    return id;
  }

  public CertificateAuthority getIssuer() {
    return issuer;
  }

  public BigInteger getSerialNumber() {
    return SerialNumbers.fromHex(serialNumber);
  }

  public String getSerialNumberHex() {
    return serialNumber;
  }

  public String getSubjectDn() {
    return subjectDn;
  }

  public String getProfile() {
    return profile;
  }

  public int getCaKeyIndex() {
    return caKeyIndex;
  }

  /** The version of {@link #getProfile()} the certificate was issued under. */
  public int getProfileVersion() {
    return profileVersion;
  }

  public String getKeyAlgorithm() {
    return keyAlgorithm;
  }

  /** The stored status, GOOD or REVOKED; see {@link #statusAt} for EXPIRED. */
  public CertificateStatus getStatus() {
    return status;
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  public Instant getNotAfter() {
    return notAfter;
  }

  public String getFingerprintSha256() {
    return fingerprintSha256;
  }

  public byte[] getEncoded() {
    return encoded.clone();
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public RevocationReason getRevocationReason() {
    return revocationReason;
  }

  public RevocationInitiator getRevocationInitiator() {
    return revocationInitiator;
  }
}
