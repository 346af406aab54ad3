package org.egovca.ca.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The sync signer of one CA key: the certificate that key issued with the sync signing extended key
 * usage ({@link CertificateProfiles#SYNC_SIGNER}) and the token alias of the signer's private key,
 * which signs the CA's sync messages to e-gov systems so that the CA key itself never does.
 */
@Entity
@Table(name = "sync_signer")
public class SyncSigner extends DelegatedSigner {

  @Id
  @SequenceGenerator(name = "sync_signer_seq", sequenceName = "sync_signer_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_signer_seq")
  private Long id;

  protected SyncSigner() {}

  public SyncSigner(IssuedCertificate certificate, String keyAlias, Instant createdAt) {
    super(certificate, keyAlias, createdAt);
  }
}
