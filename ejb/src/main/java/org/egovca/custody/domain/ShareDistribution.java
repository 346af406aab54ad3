package org.egovca.custody.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.egovca.ra.domain.Operator;

/**
 * One split of a token's activation secret among its key custodians: {@code threshold} of the
 * {@code shareCount} shares make the secret, which opens the token's sealed PIN. Neither the secret
 * nor the PIN is stored in clear, so the database alone activates nothing.
 */
@Entity
@Table(name = "share_distribution")
@NamedQuery(
    name = ShareDistribution.CURRENT,
    query =
        "SELECT d FROM ShareDistribution d WHERE d.tokenName = :token AND d.supersededAt IS NULL")
public class ShareDistribution {

  public static final String CURRENT = "ShareDistribution.current";

  @Id
  @SequenceGenerator(
      name = "share_distribution_seq",
      sequenceName = "share_distribution_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_distribution_seq")
  private Long id;

  @Column(name = "token_name", nullable = false, length = 64)
  private String tokenName;

  @Column(nullable = false)
  private int threshold;

  @Column(name = "share_count", nullable = false)
  private int shareCount;

  /**
   * What the key of a token's PIN sealed as it was before a re-sharing changed it is stored under,
   * until the token is known to have taken the new PIN ({@link #settlePinChange}).
   */
  private static final String PREVIOUS = "previous:";

  /**
   * Each token's PIN sealed under the secret, by token name; during a PIN change also the PIN it
   * had, under {@link #PREVIOUS} and the token name (sealed for the token name itself, so that it
   * can take the current one's place unopened).
   */
  @ElementCollection
  @CollectionTable(name = "sealed_token_pin", joinColumns = @JoinColumn(name = "distribution_id"))
  @MapKeyColumn(name = "token_name", length = 64)
  @Column(name = "sealed_pin", nullable = false)
  private Map<String, byte[]> sealedTokenPins = new HashMap<>();

  @ManyToOne(optional = false)
  @JoinColumn(name = "ceremony_id")
  private KeyCeremony ceremony;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "superseded_at")
  private Instant supersededAt;

  @OneToMany(mappedBy = "distribution", cascade = CascadeType.PERSIST)
  @OrderBy("shareIndex")
  private List<CustodianShare> shares = new ArrayList<>();

  protected ShareDistribution() {}

  public ShareDistribution(
      String tokenName, int threshold, int shareCount, KeyCeremony ceremony, Instant createdAt) {
    if (threshold < 2 || threshold > shareCount) {
      throw new IllegalArgumentException(
          "a threshold of " + threshold + " of " + shareCount + " shares");
    }
    this.tokenName = Objects.requireNonNull(tokenName, "tokenName");
    this.threshold = threshold;
    this.shareCount = shareCount;
    this.ceremony = Objects.requireNonNull(ceremony, "ceremony");
    this.createdAt = createdAt;
  }

  /** Keeps the PIN of the token {@code tokenName}, sealed under the secret. */
  public void sealTokenPin(String tokenName, byte[] sealed) {
    if (sealedTokenPins.putIfAbsent(tokenName, sealed.clone()) != null) {
      throw new IllegalStateException(
          "the PIN of token " + tokenName + " is sealed in distribution " + id + " already");
    }
  }

  /**
   * Keeps the PIN the token {@code tokenName} had before the PIN sealed for it now, while the token
   * changes to the new one: a crash in between leaves a PIN that opens it either way.
   */
  public void sealPreviousTokenPin(String tokenName, byte[] sealed) {
    if (!sealedTokenPins.containsKey(tokenName)
        || sealedTokenPins.putIfAbsent(PREVIOUS + tokenName, sealed.clone()) != null) {
      throw new IllegalStateException(
          "token " + tokenName + " has no PIN, or a previous one, in distribution " + id);
    }
  }

  /**
   * Ends a PIN change of the token {@code tokenName} once the token is known to have taken the new
   * PIN: the previous one goes.
   */
  public void settlePinChange(String tokenName) {
    sealedTokenPins.remove(PREVIOUS + tokenName);
  }

  /** Whether a token's PIN change is not settled yet (a crash came between its steps). */
  public boolean hasUnsettledPinChange() {
    return sealedTokenPins.keySet().stream().anyMatch(name -> name.startsWith(PREVIOUS));
  }

  /** Gives {@code custodian} the share with this index, sealed under their PIN. */
  public void addShare(Operator custodian, int shareIndex, byte[] sealedShare) {
    if (shares.size() == shareCount) {
      throw new IllegalStateException("distribution " + id + " has all its shares");
    }
    shares.add(new CustodianShare(this, custodian, shareIndex, sealedShare));
  }

  /**
   * Replaces this distribution by a new one (a re-sharing): its sealed shares and sealed PINs are
   * wiped, so that custodians who leave, with any two others, open nothing with what they knew; who
   * held which share stays on record.
   */
  public void supersede(Instant at) {
    if (supersededAt != null) {
      throw new IllegalStateException("distribution " + id + " is superseded already");
    }
    supersededAt = Objects.requireNonNull(at, "at");
    sealedTokenPins.clear();
    shares.forEach(CustodianShare::wipe);
  }

  public Instant getSupersededAt() {
    return supersededAt;
  }

  /** The share of the custodian with this username, if they hold one here. */
  public Optional<CustodianShare> shareOf(String username) {
    return shares.stream()
        .filter(share -> share.getCustodian().getUsername().equals(username))
        .findFirst();
  }

  public Long getId() {
    return id;
  }

  public String getTokenName() {
    return tokenName;
  }

  public int getThreshold() {
    return threshold;
  }

  public int getShareCount() {
    return shareCount;
  }

  /** Each token's sealed PIN, by token name. */
  public Map<String, byte[]> getSealedTokenPins() {
    Map<String, byte[]> copy = new HashMap<>();
    sealedTokenPins.forEach(
        (token, sealedPin) -> {
          if (!token.startsWith(PREVIOUS)) {
            copy.put(token, sealedPin.clone());
          }
        });
    return copy;
  }

  /** The PINs tokens had before an unsettled PIN change, sealed, by token name. */
  public Map<String, byte[]> getPreviousTokenPins() {
    Map<String, byte[]> copy = new HashMap<>();
    sealedTokenPins.forEach(
        (token, sealedPin) -> {
          if (token.startsWith(PREVIOUS)) {
            copy.put(token.substring(PREVIOUS.length()), sealedPin.clone());
          }
        });
    return copy;
  }

  /** The ceremony that made this distribution. */
  public KeyCeremony getCeremony() {
    return ceremony;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<CustodianShare> getShares() {
    return List.copyOf(shares);
  }
}
