package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A renewal proof the CA has accepted, by the SHA-256 of its statement: a proof serves one request
 * (CPS §6.1.4.6), so a copy of it, replayed while it is still fresh, is refused.
 */
@Entity
@Table(name = "used_renewal_proof")
public class UsedRenewalProof {

  @Id
  @Column(nullable = false, length = 64)
  private String digest;

  @Column(name = "used_at", nullable = false)
  private Instant usedAt;

  protected UsedRenewalProof() {}

  public UsedRenewalProof(String digest, Instant usedAt) {
    this.digest = Objects.requireNonNull(digest, "digest");
    this.usedAt = Objects.requireNonNull(usedAt, "usedAt");
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
