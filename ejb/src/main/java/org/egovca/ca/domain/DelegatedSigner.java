package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToOne;
import java.time.Instant;
import java.util.Objects;

/**
 * A signer that one CA key delegates a task to, so that the CA key signs only certificates and
 * CRLs: the certificate that key issued to the signer and the token alias of the signer's private
 * key. Each kind of signer keeps its own table (its own id sequence); the columns are these.
 */
@MappedSuperclass
public abstract class DelegatedSigner {

  @ManyToOne(optional = false)
  @JoinColumn(name = "ca_id", nullable = false, updatable = false)
  private CertificateAuthority ca;

  @Column(name = "ca_key_index", nullable = false, updatable = false)
  private int caKeyIndex;

  @OneToOne(optional = false)
  @JoinColumn(name = "certificate_id", nullable = false, updatable = false)
  private IssuedCertificate certificate;

  @Column(name = "key_alias", nullable = false, updatable = false, length = 64)
  private String keyAlias;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected DelegatedSigner() {}

  /** The signer certified by {@code certificate}: of the CA key that issued it. */
  protected DelegatedSigner(IssuedCertificate certificate, String keyAlias, Instant createdAt) {
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.ca = certificate.getIssuer();
    this.caKeyIndex = certificate.getCaKeyIndex();
    this.keyAlias = Objects.requireNonNull(keyAlias, "keyAlias");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public CertificateAuthority getCa() {
    return ca;
  }

  public int getCaKeyIndex() {
    return caKeyIndex;
  }

  public IssuedCertificate getCertificate() {
    return certificate;
  }

  public String getKeyAlias() {
    return keyAlias;
  }
}
