package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A remote RA system (or local acceptance point) allowed to submit vetted requests over SOAP. It
 * authenticates with the TLS client certificate this account is bound to.
 */
@Entity
@Table(name = "ra_client")
@NamedQuery(
    name = RaClient.BY_CERTIFICATE,
    query = "SELECT r FROM RaClient r WHERE r.certificate = :certificate")
public class RaClient {

  public static final String BY_CERTIFICATE = "RaClient.byCertificate";

  @Id
  @SequenceGenerator(name = "ra_client_seq", sequenceName = "ra_client_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ra_client_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 128)
  private String name;

  @OneToOne(optional = false)
  @JoinColumn(name = "certificate_id", nullable = false, unique = true)
  private IssuedCertificate certificate;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RaClient() {}

  public RaClient(String name, IssuedCertificate certificate, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("RA client name is required");
    }
    this.name = name;
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.active = true;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public IssuedCertificate getCertificate() {
    return certificate;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
