package org.egovca.ra.domain;

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
import java.time.Duration;
import java.time.Instant;

/**
 * A console session after a two-factor login. Only the SHA-256 of its token is stored; the session
 * is bound to the client certificate it was opened with, ends after {@link #IDLE_TIMEOUT} without
 * use or {@link #MAX_LIFETIME} in all, and on logout.
 */
@Entity
@Table(name = "operator_session")
@NamedQuery(
    name = OperatorSession.BY_TOKEN,
    query = "SELECT s FROM OperatorSession s WHERE s.tokenSha256 = :token")
@NamedQuery(
    name = OperatorSession.NOT_ENDED_FOR_CERTIFICATE,
    query =
        "SELECT s FROM OperatorSession s WHERE s.certificateFingerprint = :fingerprint"
            + " AND s.endedAt IS NULL")
public class OperatorSession {

  public static final String BY_TOKEN = "OperatorSession.byToken";
  public static final String NOT_ENDED_FOR_CERTIFICATE = "OperatorSession.notEndedForCertificate";
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
  public static final Duration MAX_LIFETIME = Duration.ofHours(10);

  @Id
  @SequenceGenerator(
      name = "operator_session_seq",
      sequenceName = "operator_session_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "operator_session_seq")
  private Long id;

  @Column(name = "token_sha256", nullable = false, unique = true, length = 64)
  private String tokenSha256;

  @ManyToOne(optional = false)
  @JoinColumn(name = "operator_id", nullable = false)
  private Operator operator;

  @Column(name = "certificate_fingerprint", nullable = false, length = 64)
  private String certificateFingerprint;

  @Column(name = "remote_address", length = 64)
  private String remoteAddress;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected OperatorSession() {}

  public OperatorSession(
      String tokenSha256,
      Operator operator,
      String certificateFingerprint,
      String remoteAddress,
      Instant now) {
    this.tokenSha256 = tokenSha256;
    this.operator = operator;
    this.certificateFingerprint = certificateFingerprint;
    this.remoteAddress = remoteAddress;
    this.startedAt = now;
    this.lastSeenAt = now;
  }

  public boolean isOpenAt(Instant now) {
    return endedAt == null
        && now.isBefore(lastSeenAt.plus(IDLE_TIMEOUT))
        && now.isBefore(startedAt.plus(MAX_LIFETIME));
  }

  public void touch(Instant now) {
    lastSeenAt = now;
  }

  public void end(Instant now) {
    if (endedAt == null) {
      endedAt = now;
    }
  }

  public Operator getOperator() {
    return operator;
  }

  public String getCertificateFingerprint() {
    return certificateFingerprint;
  }

  public Instant getEndedAt() {
    return endedAt;
  }
}
