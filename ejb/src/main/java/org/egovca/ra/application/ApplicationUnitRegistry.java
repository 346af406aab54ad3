package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.Refusal;

/**
 * Creates application units (CPS §7.3.2) for whichever front door authorised the caller: the
 * console's security administrator or the admin SOAP service.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ApplicationUnitRegistry {

  private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9_-]{2,32}");

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  /**
   * @throws Refusal naming the field: a malformed or taken code, a missing or long name
   */
  public void create(String code, String name, String actor) {
    String[] checked = new String[2];
    FormText.all(
        List.of(
            () -> {
              checked[0] = FormText.text("unitCode", code, 32, true);
              if (!UNIT_CODE.matcher(checked[0]).matches()) {
                throw Refusal.invalid(
                    "unitCode", "unit.code", "use 2 to 32 letters, digits, '-' or '_'");
              }
            },
            () -> checked[1] = FormText.text("unitName", name, 128, true)));
    boolean taken =
        !entityManager
            .createNamedQuery(ApplicationUnit.BY_CODE, ApplicationUnit.class)
            .setParameter("code", checked[0])
            .getResultList()
            .isEmpty();
    if (taken) {
      throw Refusal.invalid(
          "unitCode", "unit.exists", "an application unit with the code " + checked[0] + " exists");
    }
    entityManager.persist(new ApplicationUnit(checked[0], checked[1], clock.instant()));
    auditLog.success(actor, AuditAction.APPLICATION_UNIT_CREATED, "unit:" + checked[0], checked[1]);
  }
}
