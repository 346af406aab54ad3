package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.egovca.ca.domain.IssuedCertificate;

/**
 * Read-only views of issued certificates. Certificates are public information (CPS §6.3.2), so
 * listing them needs no role; registration data will need one (issue #4).
 */
@Stateless
public class CertificateQueries {

  private static final int MAX_PAGE = 500;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  /** The most recently issued certificates, newest first. */
  public List<CertificateView> newest(int max) {
    return entityManager
        .createNamedQuery(IssuedCertificate.NEWEST_FIRST, IssuedCertificate.class)
        .setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)))
        .getResultStream()
        .map(CertificateView::of)
        .toList();
  }
}
