package org.egovca.ca.domain;

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
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CRL a CA issued, complete or delta, kept with its DER encoding (CPS §6.1.4.8.7; R9 keeps every
 * CRL at least ten years). Complete and delta CRLs share one CRL number sequence per CA (RFC 5280
 * §5.2.4), which grows strictly, also across restarts and server instances.
 */
@Entity
@Table(name = "issued_crl")
@NamedQuery(
    name = IssuedCrl.HIGHEST_NUMBER,
    query = "SELECT MAX(l.crlNumber) FROM IssuedCrl l WHERE l.issuer = :issuer")
@NamedQuery(
    name = IssuedCrl.LATEST_COMPLETE,
    query =
        "SELECT l FROM IssuedCrl l WHERE l.issuer = :issuer"
            + " AND l.caKeyIndex = :keyIndex AND l.baseCrlNumber IS NULL"
            + " ORDER BY l.crlNumber DESC")
@NamedQuery(
    name = IssuedCrl.LATEST_DELTA,
    query =
        "SELECT l FROM IssuedCrl l WHERE l.issuer = :issuer"
            + " AND l.caKeyIndex = :keyIndex AND l.baseCrlNumber IS NOT NULL"
            + " ORDER BY l.crlNumber DESC")
public class IssuedCrl {

  public static final String HIGHEST_NUMBER = "IssuedCrl.highestNumber";
  public static final String LATEST_COMPLETE = "IssuedCrl.latestComplete";
  public static final String LATEST_DELTA = "IssuedCrl.latestDelta";

  @Id
  @SequenceGenerator(name = "issued_crl_seq", sequenceName = "issued_crl_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issued_crl_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ca_id", nullable = false)
  private CertificateAuthority issuer;

  @Column(name = "crl_number", nullable = false)
  private long crlNumber;

  @Column(name = "this_update", nullable = false)
  private Instant thisUpdate;

  @Column(name = "next_update", nullable = false)
  private Instant nextUpdate;

  @Column(name = "entry_count", nullable = false)
  private long entryCount;

  @Column(nullable = false)
  private byte[] encoded;

  @Column(name = "issued_by", nullable = false, length = 256)
  private String issuedBy;

  /** For a delta CRL, the number of the complete CRL it updates; null for a complete CRL. */
  @Column(name = "base_crl_number")
  private Long baseCrlNumber;

  /**
   * The index of the CA key that signed this CRL; it lists the certificates that key issued (after
   * a key rollover the old key keeps signing CRLs for its certificates).
   */
  @Column(name = "ca_key_index", nullable = false)
  private int caKeyIndex;

  protected IssuedCrl() {}

  /** A complete CRL signed by the CA's current key. */
  public IssuedCrl(
      CertificateAuthority issuer,
      long crlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      long entryCount,
      byte[] encoded,
      String issuedBy) {
    this(
        issuer,
        issuer.getKeyIndex(),
        crlNumber,
        null,
        thisUpdate,
        nextUpdate,
        entryCount,
        encoded,
        issuedBy);
  }

  /** A complete CRL signed by the CA's key {@code keyIndex}. */
  public static IssuedCrl complete(
      CertificateAuthority issuer,
      int keyIndex,
      long crlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      long entryCount,
      byte[] encoded,
      String issuedBy) {
    return new IssuedCrl(
        issuer, keyIndex, crlNumber, null, thisUpdate, nextUpdate, entryCount, encoded, issuedBy);
  }

  private IssuedCrl(
      CertificateAuthority issuer,
      int keyIndex,
      long crlNumber,
      Long baseCrlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      long entryCount,
      byte[] encoded,
      String issuedBy) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    if (keyIndex < 1 || keyIndex > issuer.getKeyIndex()) {
      throw new IllegalArgumentException("CA " + issuer.getName() + " has no key " + keyIndex);
    }
    this.caKeyIndex = keyIndex;
    if (crlNumber < 1) {
      throw new IllegalArgumentException("CRL numbers start at 1");
    }
    this.crlNumber = crlNumber;
    if (baseCrlNumber != null && (baseCrlNumber < 1 || baseCrlNumber >= crlNumber)) {
      throw new IllegalArgumentException(
          "the base of delta CRL "
              + crlNumber
              + " must be an earlier complete CRL, not "
              + baseCrlNumber);
    }
    this.baseCrlNumber = baseCrlNumber;
    this.thisUpdate = Objects.requireNonNull(thisUpdate, "thisUpdate");
    this.nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate");
    if (!nextUpdate.isAfter(thisUpdate)) {
      throw new IllegalArgumentException("a CRL's nextUpdate must follow its thisUpdate");
    }
    this.entryCount = entryCount;
    this.encoded = encoded.clone();
    this.issuedBy = Objects.requireNonNull(issuedBy, "issuedBy");
  }

  /** A delta CRL listing the changes since the complete CRL {@code baseCrlNumber}. */
  public static IssuedCrl delta(
      CertificateAuthority issuer,
      long crlNumber,
      long baseCrlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      long entryCount,
      byte[] encoded,
      String issuedBy) {
    return new IssuedCrl(
        issuer,
        issuer.getKeyIndex(),
        crlNumber,
        baseCrlNumber,
        thisUpdate,
        nextUpdate,
        entryCount,
        encoded,
        issuedBy);
  }

  public Long getId() {
    return id;
  }

  public CertificateAuthority getIssuer() {
    return issuer;
  }

  public long getCrlNumber() {
    return crlNumber;
  }

  public Instant getThisUpdate() {
    return thisUpdate;
  }

  public Instant getNextUpdate() {
    return nextUpdate;
  }

  public long getEntryCount() {
    return entryCount;
  }

  public byte[] getEncoded() {
    return encoded.clone();
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public int getCaKeyIndex() {
    return caKeyIndex;
  }

  public boolean isDelta() {
    return baseCrlNumber != null;
  }

  /** The number of the complete CRL a delta CRL updates; empty for a complete CRL. */
  public Optional<Long> getBaseCrlNumber() {
    return Optional.ofNullable(baseCrlNumber);
  }
}
