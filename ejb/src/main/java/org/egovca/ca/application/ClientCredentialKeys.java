package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.MALFORMED_REQUEST;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;

/**
 * The keys of the credentials this system's callers log in with (operators, RA systems, e-gov
 * systems: TLS client certificates of the RSA CA). Each credential needs a key of its own: a
 * request for a key that already opens another account is refused, so nobody gets a second account,
 * or a colleague's, for a key they already hold. The approver of such a credential sees its key's
 * fingerprint, to compare with the one its holder gives them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ClientCredentialKeys {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private Clock clock;

  /**
   * @throws Refusal MALFORMED_REQUEST when a valid login or client certificate already carries
   *     {@code key}
   */
  public void requireUnused(SubjectPublicKeyInfo key) {
    for (IssuedCertificate certificate :
        entityManager
            .createNamedQuery(IssuedCertificate.VALID_BY_PROFILE, IssuedCertificate.class)
            .setParameter("profile", CertificateProfiles.TLS_CLIENT)
            .setParameter("now", clock.instant())
            .getResultList()) {
      if (CertificateAuthorities.holder(certificate.getEncoded())
          .getSubjectPublicKeyInfo()
          .equals(key)) {
        throw new Refusal(
            MALFORMED_REQUEST,
            "the key of this request already belongs to the credential "
                + certificate.getSubjectDn()
                + " (serial "
                + certificate.getSerialNumberHex()
                + "): every credential needs a key of its own");
      }
    }
  }

  /**
   * {@code SHA-256 <hex>} of the key's DER, as {@code openssl pkey -pubin -outform DER} gives it.
   */
  public static String fingerprint(SubjectPublicKeyInfo key) {
    try {
      return "SHA-256 "
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot take the fingerprint of a key", e);
    }
  }
}
