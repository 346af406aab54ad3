package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ra.domain.KeyRecovery;
import org.egovca.ra.domain.Permission;

/**
 * Every key recovery, holder's and judicial, for the auditor (CPS §7.1.3.8, SPEC R17): who asked,
 * on what authority and legal basis, who approved or rejected, when the KMC made the envelope and
 * for whose key. The audit log holds each step as well.
 */
@Stateless
public class KeyRecoveries {

  /** The most one page shows. */
  private static final int MAX_RESULTS = 500;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private ConsoleAccess access;

  /** The newest {@code max} recoveries, newest first. */
  public List<KeyRecoveryView> list(String token, int max) {
    access.require(token, Permission.VIEW_AUDIT, AuditAction.KEY_RECOVERIES_LISTED, null);
    return entityManager
        .createNamedQuery(KeyRecovery.NEWEST_FIRST, KeyRecovery.class)
        .setMaxResults(Math.max(1, Math.min(max, MAX_RESULTS)))
        .getResultList()
        .stream()
        .map(KeyRecoveryView::of)
        .toList();
  }
}
