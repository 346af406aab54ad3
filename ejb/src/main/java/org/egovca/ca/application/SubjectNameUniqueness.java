package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.INVALID_SUBJECT;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.bouncycastle.asn1.x500.X500Name;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.SubjectNames;

/**
 * A subject DN belongs to one holder (CPS §6.1.3.1.5, R4): while a certificate with a given DN and
 * key usage (profile) is valid, no new certificate with the same DN and key usage is issued from a
 * new application. The holder's own second certificate of a pair has the other key usage and
 * passes; renewal and re-key replace a certificate and do not come through here. A second holder is
 * told to add a distinguishing attribute.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SubjectNameUniqueness {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private Clock clock;

  public void requireFree(X500Name subject, CertificateProfile profile) {
    String subjectDn = SubjectNames.toDisplayString(subject);
    entityManager
        .createNamedQuery(IssuedCertificate.VALID_BY_SUBJECT_AND_PROFILE, IssuedCertificate.class)
        .setParameter("subjectDn", subjectDn)
        .setParameter("profile", profile.name())
        .setParameter("now", clock.instant())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .ifPresent(
            existing -> {
              throw new Refusal(
                  INVALID_SUBJECT,
                  "subjectDn "
                      + subjectDn
                      + " already belongs to the holder of certificate "
                      + existing.getSerialNumberHex()
                      + " ("
                      + profile.name()
                      + "): a different holder needs a distinguishing attribute such as OU, L or"
                      + " E in the DN; the same holder renews or re-keys that certificate");
            });
  }
}
