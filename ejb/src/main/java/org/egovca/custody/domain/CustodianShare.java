package org.egovca.custody.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.egovca.ra.domain.Operator;

/** One key custodian's share of a distribution, sealed under the custodian's own PIN. */
@Entity
@Table(name = "custodian_share")
public class CustodianShare {

  @Id
  @SequenceGenerator(
      name = "custodian_share_seq",
      sequenceName = "custodian_share_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "custodian_share_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "distribution_id")
  private ShareDistribution distribution;

  @ManyToOne(optional = false)
  @JoinColumn(name = "custodian_id")
  private Operator custodian;

  @Column(name = "share_index", nullable = false)
  private int shareIndex;

  @Column(name = "sealed_share", nullable = false)
  private byte[] sealedShare;

  protected CustodianShare() {}

  CustodianShare(
      ShareDistribution distribution, Operator custodian, int shareIndex, byte[] sealedShare) {
    this.distribution = distribution;
    this.custodian = custodian;
    this.shareIndex = shareIndex;
    this.sealedShare = sealedShare.clone();
  }

  /** Forgets the sealed share once its distribution is superseded. */
  void wipe() {
    sealedShare = new byte[0];
  }

  public Operator getCustodian() {
    return custodian;
  }

  public int getShareIndex() {
    return shareIndex;
  }

  public byte[] getSealedShare() {
    return sealedShare.clone();
  }
}
