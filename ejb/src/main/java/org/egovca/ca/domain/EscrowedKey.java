package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An encryption private key in escrow (CPS §6.1.4.10.3, R14): kept only as a GM/T 0009
 * SM2EnvelopedKey under the KMC's escrow key, whose private half stays in the crypto token.
 */
@Entity
@Table(name = "escrowed_key")
public class EscrowedKey {

  @Id
  @SequenceGenerator(
      name = "escrowed_key_seq",
      sequenceName = "escrowed_key_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escrowed_key_seq")
  private Long id;

  @Column(name = "key_algorithm", nullable = false, length = 16)
  private String keyAlgorithm;

  @Column(name = "public_key", nullable = false)
  private byte[] publicKey;

  @Column(name = "escrowed_private_key", nullable = false)
  private byte[] escrowedPrivateKey;

  @Column(name = "escrow_key_alias", nullable = false, length = 64)
  private String escrowKeyAlias;

  @Column(nullable = false, length = 1024)
  private String holder;

  @ManyToOne
  @JoinColumn(name = "certificate_id")
  private IssuedCertificate certificate;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected EscrowedKey() {}

  public EscrowedKey(
      String keyAlgorithm,
      byte[] publicKey,
      byte[] escrowedPrivateKey,
      String escrowKeyAlias,
      String holder,
      Instant createdAt) {
    this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm);
    this.publicKey = publicKey.clone();
    this.escrowedPrivateKey = escrowedPrivateKey.clone();
    this.escrowKeyAlias = Objects.requireNonNull(escrowKeyAlias);
    this.holder = Objects.requireNonNull(holder);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Records the certificate that certifies this key; a key is certified once. */
  public void certifiedBy(IssuedCertificate certificate) {
    if (this.certificate != null) {
      throw new IllegalStateException("escrowed key " + id + " is already certified");
    }
    this.certificate = Objects.requireNonNull(certificate);
  }

  public Long getId() {
    return id;
  }

  public byte[] getPublicKey() {
    return publicKey.clone();
  }

  public byte[] getEscrowedPrivateKey() {
    return escrowedPrivateKey.clone();
  }

  public String getEscrowKeyAlias() {
    return escrowKeyAlias;
  }

  public IssuedCertificate getCertificate() {
    return certificate;
  }
}
