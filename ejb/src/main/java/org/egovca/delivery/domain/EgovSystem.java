package org.egovca.delivery.domain;

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
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.ClientAccount;

/**
 * An e-gov system of one application unit (CPS §7.3.2, R19): where it takes certificate and CRL
 * sync messages (R21, R22), which business types it wants, in real time or in batches, and the
 * client account with which it calls the query service (R23). It receives and sees only the
 * certificates of its unit; CRLs are public and go to every e-gov system subscribed to them.
 *
 * <p>Its endpoint is {@code https://}, with the certificates the CA trusts for its server ({@link
 * ServerTrustAnchors}): the receipts that end the CA's retries are authentic only over TLS to the
 * right server. Plain {@code http://} only for a test system an administrator explicitly allowed it
 * for ({@link #isPlainHttpAllowed()}), which the console shows and the audit records.
 */
@Entity
@Table(name = "egov_system")
@NamedQuery(name = EgovSystem.ALL, query = "SELECT s FROM EgovSystem s ORDER BY s.name")
@NamedQuery(
    name = EgovSystem.ACTIVE,
    query = "SELECT s FROM EgovSystem s WHERE s.active = TRUE ORDER BY s.id")
@NamedQuery(
    name = EgovSystem.BY_CLIENT_ACCOUNT,
    query = "SELECT s FROM EgovSystem s WHERE s.clientAccount = :account")
@NamedQuery(name = EgovSystem.BY_NAME, query = "SELECT s FROM EgovSystem s WHERE s.name = :name")
public class EgovSystem {

  public static final String ALL = "EgovSystem.all";
  public static final String ACTIVE = "EgovSystem.active";
  public static final String BY_CLIENT_ACCOUNT = "EgovSystem.byClientAccount";
  public static final String BY_NAME = "EgovSystem.byName";

  /** The business types a subscription may choose: the changes the sync interface names. */
  public static final Set<ChangeType> SUBSCRIBABLE =
      EnumSet.of(
          ChangeType.ISSUE, ChangeType.RENEW, ChangeType.REKEY, ChangeType.REVOKE, ChangeType.CRL);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int LONGEST_BATCH_MINUTES = 24 * 60;

  @Id
  @SequenceGenerator(name = "egov_system_seq", sequenceName = "egov_system_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "egov_system_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_unit_id", nullable = false)
  private ApplicationUnit applicationUnit;

  @Column(name = "endpoint_url", nullable = false, length = 512)
  private String endpointUrl;

  @Column(name = "plain_http_allowed", nullable = false)
  private boolean plainHttpAllowed;

  @Column(name = "server_trust_anchors", length = 65536)
  private String serverTrustAnchors;

  @Enumerated(EnumType.STRING)
  @Column(name = "sync_mode", nullable = false, length = 16)
  private SyncMode syncMode;

  @Column(name = "batch_interval_minutes", nullable = false)
  private int batchIntervalMinutes;

  @Column(name = "business_types", nullable = false, length = 64)
  private String businessTypes;

  @Column(nullable = false)
  private boolean active;

  @OneToOne
  @JoinColumn(name = "client_account_id", unique = true)
  private ClientAccount clientAccount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 256)
  private String createdBy;

  protected EgovSystem() {}

  /**
   * @throws IllegalArgumentException naming what is wrong with the name or the subscription
   */
  public EgovSystem(
      String name,
      ApplicationUnit applicationUnit,
      Subscription subscription,
      Instant createdAt,
      String createdBy) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "the e-gov system name must be 1 to 64 letters, digits, '.', '_' or '-', starting with"
              + " a letter or digit");
    }
    this.name = name;
    this.applicationUnit = Objects.requireNonNull(applicationUnit, "applicationUnit");
    subscribe(subscription);
    this.active = true;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
  }

  /** Changes where and what the system receives. */
  public void subscribe(Subscription subscription) {
    this.endpointUrl = subscription.endpoint().toString();
    this.plainHttpAllowed = subscription.plainHttpAllowed();
    this.serverTrustAnchors =
        subscription.serverTrustAnchors().isEmpty()
            ? null
            : subscription.serverTrustAnchors().pem();
    this.syncMode = subscription.syncMode();
    this.batchIntervalMinutes = subscription.batchIntervalMinutes();
    this.businessTypes =
        subscription.businessTypes().stream()
            .map(Enum::name)
            .sorted()
            .collect(Collectors.joining(","));
  }

  /** Gives the system its query-service client account. */
  public void useClientAccount(ClientAccount account) {
    this.clientAccount = Objects.requireNonNull(account, "account");
  }

  public void deactivate() {
    this.active = false;
  }

  public void activate() {
    this.active = true;
  }

  /** Whether the system wants changes of {@code type}. */
  public boolean subscribesTo(ChangeType type) {
    return businessTypes().contains(type);
  }

  /** The wait between two batches; zero in real time. */
  public Duration batchPause() {
    return syncMode == SyncMode.BATCH ? Duration.ofMinutes(batchIntervalMinutes) : Duration.ZERO;
  }

  public String queue() {
    return DeliveryQueue.ofEgovSystem(id);
  }

  public Set<ChangeType> businessTypes() {
    if (businessTypes.isEmpty()) {
      return EnumSet.noneOf(ChangeType.class);
    }
    return Arrays.stream(businessTypes.split(","))
        .map(ChangeType::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeType.class)));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public ApplicationUnit getApplicationUnit() {
    return applicationUnit;
  }

  public URI getEndpoint() {
    return URI.create(endpointUrl);
  }

  /** Whether an administrator allowed plain {@code http://} for this (test) system. */
  public boolean isPlainHttpAllowed() {
    return plainHttpAllowed;
  }

  /** The certificates the CA trusts for the system's HTTPS server; none for plain HTTP. */
  public ServerTrustAnchors getServerTrustAnchors() {
    return ServerTrustAnchors.parse(serverTrustAnchors);
  }

  public SyncMode getSyncMode() {
    return syncMode;
  }

  public int getBatchIntervalMinutes() {
    return batchIntervalMinutes;
  }

  public boolean isActive() {
    return active;
  }

  public ClientAccount getClientAccount() {
    return clientAccount;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * Where and what an e-gov system receives.
   *
   * @param batchIntervalMinutes minutes between batches in BATCH mode (1 to 1440); ignored, and
   *     kept as 0, in real time
   * @param plainHttpAllowed whether an administrator allows a plain {@code http://} endpoint (for a
   *     test system); required for one, refused with an {@code https://} endpoint
   * @param serverTrustAnchors what the CA trusts for an {@code https://} endpoint's server
   *     certificate; required for one, refused with an {@code http://} endpoint
   */
  public record Subscription(
      URI endpoint,
      SyncMode syncMode,
      int batchIntervalMinutes,
      Set<ChangeType> businessTypes,
      boolean plainHttpAllowed,
      ServerTrustAnchors serverTrustAnchors) {

    /** The rule an {@code http://} endpoint without the allowance is refused with. */
    public static final String HTTPS_RULE =
        "the sync endpoint must be https:// (plain http:// only for a test system an"
            + " administrator explicitly allows plain HTTP for)";

    /**
     * @throws IllegalArgumentException naming the field that is wrong, or the rule that is broken
     */
    public Subscription {
      Objects.requireNonNull(syncMode, "syncMode");
      serverTrustAnchors =
          serverTrustAnchors == null ? ServerTrustAnchors.none() : serverTrustAnchors;
      if (endpoint == null
          || endpoint.getHost() == null
          || !Set.of("http", "https")
              .contains(String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "the sync endpoint must be an http:// or https:// URL with a host");
      }
      boolean https = endpoint.getScheme().equalsIgnoreCase("https");
      if (!https && !plainHttpAllowed) {
        throw new IllegalArgumentException(HTTPS_RULE);
      }
      if (https && plainHttpAllowed) {
        throw new IllegalArgumentException(
            "plain HTTP is allowed only for an http:// sync endpoint, not for " + endpoint);
      }
      if (https && serverTrustAnchors.isEmpty()) {
        throw new IllegalArgumentException(
            "an https:// sync endpoint needs its server trust anchors: the PEM certificates of"
                + " the CA that issued the system's HTTPS server certificate, or that certificate"
                + " itself");
      }
      if (!https && !serverTrustAnchors.isEmpty()) {
        throw new IllegalArgumentException(
            "server trust anchors are for https:// sync endpoints; this one is plain http://");
      }
      if (syncMode == SyncMode.BATCH
          && (batchIntervalMinutes < 1 || batchIntervalMinutes > LONGEST_BATCH_MINUTES)) {
        throw new IllegalArgumentException(
            "the batch interval must be between 1 and " + LONGEST_BATCH_MINUTES + " minutes");
      }
      if (syncMode == SyncMode.REALTIME) {
        batchIntervalMinutes = 0;
      }
      if (businessTypes == null || businessTypes.isEmpty()) {
        throw new IllegalArgumentException("choose at least one business type to receive");
      }
      if (!SUBSCRIBABLE.containsAll(businessTypes)) {
        throw new IllegalArgumentException("an e-gov system can subscribe to " + SUBSCRIBABLE);
      }
      businessTypes = Set.copyOf(businessTypes);
    }

    /** Parses an endpoint URL, naming the field when it is not one. */
    public static URI endpoint(String url) {
      try {
        return new URI(url == null ? "" : url.trim());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("the sync endpoint is not a URL: " + e.getMessage(), e);
      }
    }
  }
}
