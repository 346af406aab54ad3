package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One stored version of a certificate profile; versions are written once and never changed. */
@Entity
@Table(name = "certificate_profile_version")
@NamedQuery(
    name = CertificateProfileVersion.VERSIONS_OF,
    query =
        "SELECT p FROM CertificateProfileVersion p WHERE p.name = :name ORDER BY p.version DESC")
@NamedQuery(
    name = CertificateProfileVersion.ALL,
    query = "SELECT p FROM CertificateProfileVersion p ORDER BY p.name, p.version")
public class CertificateProfileVersion {

  public static final String VERSIONS_OF = "CertificateProfileVersion.versionsOf";
  public static final String ALL = "CertificateProfileVersion.all";

  @Id
  @SequenceGenerator(
      name = "certificate_profile_version_seq",
      sequenceName = "certificate_profile_version_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_profile_version_seq")
  private Long id;

  @Column(nullable = false, updatable = false)
  private String name;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(name = "certificate_type", nullable = false, updatable = false)
  private String certificateType;

  @Column(name = "key_purpose", nullable = false, updatable = false)
  private String keyPurpose;

  @Column(name = "remote_ra", nullable = false, updatable = false)
  private boolean remoteRa;

  @Column(nullable = false, updatable = false, length = 8000)
  private String definition;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  protected CertificateProfileVersion() {}

  /** Stores {@code definition}, which parses to {@code profile}. */
  public CertificateProfileVersion(
      CertificateProfile profile, String definition, String createdBy, Instant createdAt) {
    this.name = profile.name();
    this.version = profile.version();
    this.certificateType = profile.type().name();
    this.keyPurpose = profile.purpose().name();
    this.remoteRa = profile.remoteRa();
    this.definition = Objects.requireNonNull(definition, "definition");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public String getName() {
    return name;
  }

  public int getVersion() {
    return version;
  }

  public String getDefinition() {
    return definition;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
