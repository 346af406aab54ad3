package org.egovca.ra.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.IssuedCertificate;

/**
 * An RA/CA operator account (CPS §6.5.2.5): one person, one account, two factors — the TLS client
 * certificate bound to it and a password — and the roles that say what the person may do.
 */
@Entity
@Table(name = "operator")
@NamedQuery(
    name = Operator.BY_USERNAME,
    query = "SELECT o FROM Operator o WHERE o.username = :username")
@NamedQuery(name = Operator.ALL, query = "SELECT o FROM Operator o ORDER BY o.username")
@NamedQuery(name = Operator.COUNT, query = "SELECT COUNT(o) FROM Operator o")
@NamedQuery(name = Operator.ACTIVE, query = "SELECT o FROM Operator o WHERE o.active = true")
@NamedQuery(
    name = Operator.BY_CERTIFICATE_FINGERPRINT,
    query = "SELECT o FROM Operator o WHERE o.certificate.fingerprintSha256 = :fingerprint")
public class Operator {

  public static final String BY_CERTIFICATE_FINGERPRINT = "Operator.byCertificateFingerprint";
  public static final String BY_USERNAME = "Operator.byUsername";
  public static final String ALL = "Operator.all";
  public static final String COUNT = "Operator.count";
  public static final String ACTIVE = "Operator.active";

  /** Failed logins in a row after which the account locks (CPS §6.5.2.5). */
  public static final int MAX_FAILED_LOGINS = 5;

  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  @Id
  @SequenceGenerator(name = "operator_seq", sequenceName = "operator_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "operator_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String username;

  @Column(name = "display_name", nullable = false, length = 64)
  private String displayName;

  @Column(length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 256)
  private String passwordHash;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "password_changed_at", nullable = false)
  private Instant passwordChangedAt;

  @OneToOne
  @JoinColumn(name = "certificate_id", unique = true)
  private IssuedCertificate certificate;

  @ManyToOne
  @JoinColumn(name = "application_unit_id")
  private ApplicationUnit applicationUnit;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "operator_role", joinColumns = @JoinColumn(name = "operator_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 32)
  private Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  protected Operator() {}

  /**
   * A new account whose password is a one-time password: the operator must choose their own at the
   * first login (CPS §6.5.2.4 A, "chosen by the user").
   */
  public Operator(
      String username,
      String displayName,
      String email,
      Set<OperatorRole> roles,
      ApplicationUnit applicationUnit,
      String oneTimePasswordHash,
      String createdBy,
      Instant createdAt) {
    this.username = username;
    this.displayName = displayName;
    this.email = email;
    this.passwordHash = oneTimePasswordHash;
    this.mustChangePassword = true;
    this.passwordChangedAt = createdAt;
    this.active = true;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    assignRoles(roles, applicationUnit);
  }

  /** Replaces the roles; refuses a conflicting set or a unit administrator without a unit. */
  public final void assignRoles(Set<OperatorRole> newRoles, ApplicationUnit unit) {
    RoleConflicts.conflictIn(newRoles)
        .ifPresent(
            conflict -> {
              throw new IllegalArgumentException(conflict);
            });
    if (newRoles.contains(OperatorRole.UNIT_ADMIN) != (unit != null)) {
      throw new IllegalArgumentException(
          "an application unit is given exactly when the operator is a UNIT_ADMIN");
    }
    this.roles = EnumSet.copyOf(newRoles);
    this.applicationUnit = unit;
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a failed login; the fifth in a row locks the account for {@link #LOCKOUT}. */
  public boolean recordFailedLogin(Instant now) {
    failedLogins++;
    if (failedLogins >= MAX_FAILED_LOGINS) {
      lockedUntil = now.plus(LOCKOUT);
      failedLogins = 0;
      return true;
    }
    return false;
  }

  public void recordSuccessfulLogin() {
    failedLogins = 0;
    lockedUntil = null;
  }

  public void unlock() {
    failedLogins = 0;
    lockedUntil = null;
  }

  public void changePassword(String newHash, Instant now) {
    this.passwordHash = newHash;
    this.mustChangePassword = false;
    this.passwordChangedAt = now;
  }

  /** A password set by the security administrator, to be replaced at the next login. */
  public void resetPassword(String oneTimeHash, Instant now) {
    this.passwordHash = oneTimeHash;
    this.mustChangePassword = true;
    this.passwordChangedAt = now;
    unlock();
  }

  public void bindCertificate(IssuedCertificate clientCertificate) {
    this.certificate = clientCertificate;
  }

  public void deactivate() {
    this.active = false;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  public IssuedCertificate getCertificate() {
    return certificate;
  }

  public ApplicationUnit getApplicationUnit() {
    return applicationUnit;
  }

  public Set<OperatorRole> getRoles() {
    return roles.isEmpty() ? EnumSet.noneOf(OperatorRole.class) : EnumSet.copyOf(roles);
  }

  /**
   * Whether the account may do what {@code permission} allows: it is active and its one role grants
   * it. An account left with several roles from before that rule (CPS §7.5.1.2 item 4) may do
   * nothing until a security administrator gives it one.
   */
  public boolean has(Permission permission) {
    return active && roles.size() == 1 && permission.grantedToAnyOf(roles);
  }

  public int getFailedLogins() {
    return failedLogins;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
