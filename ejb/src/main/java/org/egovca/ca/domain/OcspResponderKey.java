package org.egovca.ca.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A delegated OCSP responder of one CA key (RFC 6960 §4.2.2.2): the responder certificate that key
 * issued and the token alias of the responder's private key.
 */
@Entity
@Table(name = "ocsp_responder")
@NamedQuery(
    name = OcspResponderKey.LATEST_OF_CA_KEY,
    query =
        "SELECT r FROM OcspResponderKey r WHERE r.ca = :ca AND r.caKeyGeneration = :generation"
            + " ORDER BY r.certificate.notAfter DESC")
public class OcspResponderKey {

  public static final String LATEST_OF_CA_KEY = "OcspResponderKey.latestOfCaKey";

  @Id
  @SequenceGenerator(
      name = "ocsp_responder_seq",
      sequenceName = "ocsp_responder_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocsp_responder_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ca_id", nullable = false, updatable = false)
  private CertificateAuthority ca;

  @Column(name = "ca_key_generation", nullable = false, updatable = false)
  private int caKeyGeneration;

  @OneToOne(optional = false)
  @JoinColumn(name = "certificate_id", nullable = false, updatable = false)
  private IssuedCertificate certificate;

  @Column(name = "key_alias", nullable = false, updatable = false, length = 64)
  private String keyAlias;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected OcspResponderKey() {}

  public OcspResponderKey(IssuedCertificate certificate, String keyAlias, Instant createdAt) {
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.ca = certificate.getIssuer();
    this.caKeyGeneration = certificate.getCaKeyGeneration();
    this.keyAlias = Objects.requireNonNull(keyAlias, "keyAlias");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public CertificateAuthority getCa() {
    return ca;
  }

  public int getCaKeyGeneration() {
    return caKeyGeneration;
  }

  public IssuedCertificate getCertificate() {
    return certificate;
  }

  public String getKeyAlias() {
    return keyAlias;
  }
}
