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
 * A client account bound to one TLS client certificate: a remote RA system (or local acceptance
 * point) that submits vetted requests over SOAP, or a security administrator; its role says which.
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

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 32)
  private ClientRole role;

  protected RaClient() {}

  /** A remote RA system account. */
  public RaClient(String name, IssuedCertificate certificate, Instant createdAt) {
    this(name, certificate, ClientRole.RA_SYSTEM, createdAt);
  }

  public RaClient(String name, IssuedCertificate certificate, ClientRole role, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("RA client name is required");
    }
    this.name = name;
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.role = Objects.requireNonNull(role, "role");
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

  public ClientRole getRole() {
    return role;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
