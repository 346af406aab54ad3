package org.egovca.ca.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The OCSP signer of one CA key, a delegated responder (RFC 6960 §4.2.2.2): the certificate that
 * key issued with the OCSP signing extended key usage and the token alias of the signer's private
 * key, which signs the OCSP responses about that key's certificates.
 */
@Entity
@Table(name = "ocsp_signer")
public class OcspSigner extends DelegatedSigner {

  @Id
  @SequenceGenerator(name = "ocsp_signer_seq", sequenceName = "ocsp_signer_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocsp_signer_seq")
  private Long id;

  protected OcspSigner() {}

  public OcspSigner(IssuedCertificate certificate, String keyAlias, Instant createdAt) {
    super(certificate, keyAlias, createdAt);
  }
}
