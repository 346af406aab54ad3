package org.egovca.custody.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of one key ceremony (CPS §6.5.2.3): when, which token and key, the custodians who were
 * present (and the security administrator who hosted it at the console), and its outcome. It is
 * kept whatever the outcome, so the auditor also sees the ceremonies that failed, and why.
 */
@Entity
@Table(name = "key_ceremony")
@NamedQuery(
    name = KeyCeremony.BY_TOKEN,
    query = "SELECT c FROM KeyCeremony c WHERE c.tokenName = :token ORDER BY c.id")
public class KeyCeremony {

  public static final String BY_TOKEN = "KeyCeremony.byToken";

  @Id
  @SequenceGenerator(
      name = "key_ceremony_seq",
      sequenceName = "key_ceremony_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "key_ceremony_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CeremonyKind kind;

  @Column(name = "token_name", nullable = false, length = 64)
  private String tokenName;

  @Column(name = "key_alias", length = 64)
  private String keyAlias;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CeremonySource source;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CeremonyOutcome outcome;

  /** The usernames of the custodians present, in the order they presented themselves. */
  @Column(nullable = false, length = 1024)
  private String custodians;

  @Column(length = 1024)
  private String failure;

  /** The security administrator who hosted the ceremony at the console, or null. */
  @Column(name = "hosted_by", length = 64)
  private String hostedBy;

  protected KeyCeremony() {}

  private KeyCeremony(
      CeremonyKind kind,
      String tokenName,
      CeremonySource source,
      List<String> custodians,
      Instant at,
      CeremonyOutcome outcome,
      String failure) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.tokenName = Objects.requireNonNull(tokenName, "tokenName");
    this.source = Objects.requireNonNull(source, "source");
    this.custodians = String.join(",", custodians);
    this.startedAt = at;
    this.endedAt = at;
    this.outcome = outcome;
    this.failure = failure;
  }

  /** A ceremony that achieved what it was held for. */
  public static KeyCeremony succeeded(
      CeremonyKind kind,
      String tokenName,
      CeremonySource source,
      List<String> custodians,
      Instant at) {
    return new KeyCeremony(
        kind, tokenName, source, custodians, at, CeremonyOutcome.SUCCEEDED, null);
  }

  /** A ceremony that was refused or failed, with the reason in the custodians' words. */
  public static KeyCeremony failed(
      CeremonyKind kind,
      String tokenName,
      CeremonySource source,
      List<String> custodians,
      Instant at,
      String failure) {
    return new KeyCeremony(
        kind, tokenName, source, custodians, at, CeremonyOutcome.FAILED, shorten(failure));
  }

  /** Names the key the ceremony was held for (a backup, a restore, a destruction). */
  public KeyCeremony concerning(String alias) {
    this.keyAlias = alias;
    return this;
  }

  /** Names the security administrator who hosted the ceremony at the console. */
  public KeyCeremony hostedBy(String host) {
    this.hostedBy = host;
    return this;
  }

  private static String shorten(String text) {
    return text.length() <= 1024 ? text : text.substring(0, 1021) + "...";
  }

  public Long getId() {
    return id;
  }

  public CeremonyKind getKind() {
    return kind;
  }

  public String getTokenName() {
    return tokenName;
  }

  public String getKeyAlias() {
    return keyAlias;
  }

  public CeremonySource getSource() {
    return source;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public CeremonyOutcome getOutcome() {
    return outcome;
  }

  /** The usernames of the custodians present. */
  public List<String> getCustodians() {
    return custodians.isEmpty() ? List.of() : List.of(custodians.split(","));
  }

  public String getFailure() {
    return failure;
  }

  /** The security administrator who hosted the ceremony at the console; null elsewhere. */
  public String getHostedBy() {
    return hostedBy;
  }
}
