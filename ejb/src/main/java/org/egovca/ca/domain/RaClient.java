package org.egovca.ca.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A machine's account bound to one TLS client certificate: a remote RA system (or local acceptance
 * point) that submits vetted requests over SOAP, or an e-gov system that queries certificates; its
 * role says which. A remote RA acts only on the certificates requested through it and places them
 * only into the application units it is authorised for.
 */
@Entity
@Table(name = "ra_client")
@NamedQuery(
    name = RaClient.BY_CERTIFICATE,
    query = "SELECT r FROM RaClient r WHERE r.certificate = :certificate")
@NamedQuery(name = RaClient.BY_NAME, query = "SELECT r FROM RaClient r WHERE r.name = :name")
public class RaClient {

  public static final String BY_CERTIFICATE = "RaClient.byCertificate";
  public static final String BY_NAME = "RaClient.byName";

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

  /** The application units (R19) a remote RA may issue certificates for. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "ra_client_unit", joinColumns = @JoinColumn(name = "ra_client_id"))
  @Column(name = "application_unit_id")
  private Set<Long> applicationUnitIds = new HashSet<>();

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

  /** Replaces the application units this client may issue certificates for. */
  public void authoriseUnits(Set<Long> unitIds) {
    applicationUnitIds = new HashSet<>(unitIds);
  }

  /** Whether this client may place certificates into the unit {@code unitId}. */
  public boolean mayIssueFor(long unitId) {
    return applicationUnitIds.contains(unitId);
  }

  public Set<Long> getApplicationUnitIds() {
    return Set.copyOf(applicationUnitIds);
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
