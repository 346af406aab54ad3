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

/**
 * A CRL a CA issued, kept with its DER encoding (CPS §6.1.4.8.7; R9 keeps every CRL at least ten
 * years). CRL numbers grow strictly per CA, also across restarts and server instances.
 */
@Entity
@Table(name = "crl")
@NamedQuery(
    name = CertificateRevocationList.LATEST,
    query =
        "SELECT l FROM CertificateRevocationList l WHERE l.issuer = :issuer"
            + " ORDER BY l.crlNumber DESC")
public class CertificateRevocationList {

  public static final String LATEST = "CertificateRevocationList.latest";

  @Id
  @SequenceGenerator(name = "crl_seq", sequenceName = "crl_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crl_seq")
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

  protected CertificateRevocationList() {}

  public CertificateRevocationList(
      CertificateAuthority issuer,
      long crlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      long entryCount,
      byte[] encoded,
      String issuedBy) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    if (crlNumber < 1) {
      throw new IllegalArgumentException("CRL numbers start at 1");
    }
    this.crlNumber = crlNumber;
    this.thisUpdate = Objects.requireNonNull(thisUpdate, "thisUpdate");
    this.nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate");
    if (!nextUpdate.isAfter(thisUpdate)) {
      throw new IllegalArgumentException("a CRL's nextUpdate must follow its thisUpdate");
    }
    this.entryCount = entryCount;
    this.encoded = encoded.clone();
    this.issuedBy = Objects.requireNonNull(issuedBy, "issuedBy");
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
}
