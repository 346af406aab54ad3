package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/** Finds the application unit (R19) a request names by its code. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ApplicationUnitLookup {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  /**
   * The id of the unit with {@code code}.
   *
   * @throws Refusal UNKNOWN_APPLICATION_UNIT when there is none
   */
  public long idOf(String code) {
    return entityManager
        .createNamedQuery(ApplicationUnit.BY_CODE, ApplicationUnit.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(ApplicationUnit::getId)
        .orElseThrow(
            () ->
                new Refusal(
                    RefusalCode.UNKNOWN_APPLICATION_UNIT,
                    "there is no application unit with the code '" + code + "'"));
  }

  /** The code of the unit {@code id}. */
  public String codeOf(long id) {
    ApplicationUnit unit = entityManager.find(ApplicationUnit.class, id);
    return unit == null ? Long.toString(id) : unit.getCode();
  }
}
