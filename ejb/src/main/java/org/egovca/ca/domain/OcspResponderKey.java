package org.egovca.ca.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A delegated OCSP responder of one CA key (RFC 6960 §4.2.2.2): the responder certificate that key
 * issued and the token alias of the responder's private key.
 */
@Entity
@Table(name = "ocsp_responder")
public class OcspResponderKey extends DelegatedSignerKey {

  @Id
  @SequenceGenerator(
      name = "ocsp_responder_seq",
      sequenceName = "ocsp_responder_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocsp_responder_seq")
  private Long id;

  protected OcspResponderKey() {}

  public OcspResponderKey(IssuedCertificate certificate, String keyAlias, Instant createdAt) {
    super(certificate, keyAlias, createdAt);
  }
}
