package org.egovca.servicetier;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session bean of the tier's own, for {@link ServiceTierTest}: it writes rows into a table of its
 * own and announces them, so the test sees what the tier commits, rolls back and tells
 * transactional observers.
 */
@Stateless
public class HarnessProbe {

  /** Announced with each row written. */
  public record Written(String name) {}

  /** An application exception that keeps the transaction. */
  @ApplicationException(rollback = false)
  public static class Kept extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** An application exception that rolls the transaction back. */
  @ApplicationException(rollback = true)
  public static class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  static final List<String> COMMITTED = new CopyOnWriteArrayList<>();

  @PersistenceContext private EntityManager entityManager;
  @Inject private Event<Written> written;
  @Inject private HarnessProbe self;

  public void createTable() {
    entityManager
        .createNativeQuery("CREATE TABLE IF NOT EXISTS service_tier_probe (name TEXT NOT NULL)")
        .executeUpdate();
  }

  /** Writes a row, then throws {@code failure} when there is one. */
  public void write(String name, RuntimeException failure) {
    entityManager
        .createNativeQuery("INSERT INTO service_tier_probe (name) VALUES (?1)")
        .setParameter(1, name)
        .executeUpdate();
    written.fire(new Written(name));
    if (failure != null) {
      throw failure;
    }
  }

  /** Writes {@code inner} in a transaction of its own, then {@code outer}, then fails. */
  public void writeInNewTransactionThenFail(String inner, String outer) {
    self.writeAlone(inner);
    write(outer, new IllegalStateException("the caller fails"));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void writeAlone(String name) {
    write(name, null);
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void mandatory() {}

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean exists(String name) {
    return !entityManager
        .createNativeQuery("SELECT 1 FROM service_tier_probe WHERE name = ?1")
        .setParameter(1, name)
        .getResultList()
        .isEmpty();
  }

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Written event) {
    COMMITTED.add(event.name());
  }
}
