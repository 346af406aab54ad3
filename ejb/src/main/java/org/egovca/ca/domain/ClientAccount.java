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
 * A client account: a machine's account bound to one TLS client certificate, of a remote RA system
 * (or local acceptance point) that submits vetted requests over SOAP, or an e-gov system that
 * queries certificates; its role says which. A remote RA acts only on the certificates requested
 * through it and places them only into the application units it is authorised for.
 */
@Entity
@Table(name = "client_account")
@NamedQuery(
    name = ClientAccount.BY_CERTIFICATE,
    query = "SELECT a FROM ClientAccount a WHERE a.certificate = :certificate")
@NamedQuery(
    name = ClientAccount.BY_NAME,
    query = "SELECT a FROM ClientAccount a WHERE a.name = :name")
public class ClientAccount {

  public static final String BY_CERTIFICATE = "ClientAccount.byCertificate";
  public static final String BY_NAME = "ClientAccount.byName";

  @Id
  @SequenceGenerator(
      name = "client_account_seq",
      sequenceName = "client_account_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_account_seq")
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
  @CollectionTable(
      name = "client_account_unit",
      joinColumns = @JoinColumn(name = "client_account_id"))
  @Column(name = "application_unit_id")
  private Set<Long> applicationUnitIds = new HashSet<>();

  protected ClientAccount() {}

  /** A remote RA system account. */
  public ClientAccount(String name, IssuedCertificate certificate, Instant createdAt) {
    this(name, certificate, ClientRole.REMOTE_RA, createdAt);
  }

  public ClientAccount(
      String name, IssuedCertificate certificate, ClientRole role, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a client account name is required");
    }
    this.name = name;
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.role = Objects.requireNonNull(role, "role");
    this.active = true;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Replaces the application units this remote RA may issue certificates for. */
  public void authoriseUnits(Set<Long> unitIds) {
    applicationUnitIds = new HashSet<>(unitIds);
  }

  /** Whether this remote RA may place certificates into the unit {@code unitId}. */
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
