package org.egovca.servicetier;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.UserTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.weld.transaction.spi.TransactionServices;

/**
 * Container-managed transactions on resource-local entity managers: each thread has a stack of
 * frames, one per transaction context a call runs in (a transaction, or none for {@code
 * NOT_SUPPORTED}), each with its own persistence context, so {@code REQUIRES_NEW} suspends the
 * caller's transaction as JTA does. Weld learns of the transactions through {@link
 * TransactionServices}, so {@code AFTER_SUCCESS} observers run after a commit and never after a
 * rollback.
 */
final class Transactions implements TransactionServices {

  private final EntityManagerFactory factory;
  private final ThreadLocal<Deque<Frame>> frames = ThreadLocal.withInitial(ArrayDeque::new);

  Transactions(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** One transaction context: its persistence context and, when transactional, its transaction. */
  static final class Frame {
    private final EntityManager entityManager;
    private final EntityTransaction transaction;
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private boolean rollbackOnly;

    private Frame(EntityManager entityManager, boolean transactional) {
      this.entityManager = entityManager;
      this.transaction = transactional ? entityManager.getTransaction() : null;
      if (transaction != null) {
        transaction.begin();
      }
    }

    EntityManager entityManager() {
      return entityManager;
    }

    void setRollbackOnly() {
      if (transaction == null) {
        throw new IllegalStateException("no transaction to mark for rollback");
      }
      rollbackOnly = true;
    }

    boolean isRollbackOnly() {
      return rollbackOnly;
    }
  }

  /** The innermost frame of this thread, or null outside every service call. */
  Frame current() {
    return frames.get().peek();
  }

  /**
   * Runs {@code work} in the transaction context {@code attribute} asks for, as a call into a
   * session bean does.
   */
  Object run(TransactionAttributeType attribute, Callable<Object> work) throws Exception {
    Frame caller = current();
    boolean inTransaction = caller != null && caller.transaction != null;
    return switch (attribute) {
      case REQUIRED -> inTransaction ? work.call() : inNewFrame(true, work);
      case REQUIRES_NEW -> inNewFrame(true, work);
      case MANDATORY -> {
        if (!inTransaction) {
          throw new EJBTransactionRequiredException(
              "a MANDATORY method was called outside a" + " transaction");
        }
        yield work.call();
      }
      case SUPPORTS -> caller != null ? work.call() : inNewFrame(false, work);
      case NOT_SUPPORTED -> inNewFrame(false, work);
      case NEVER -> {
        if (inTransaction) {
          throw new EJBException("a NEVER method was called in a transaction");
        }
        yield caller != null ? work.call() : inNewFrame(false, work);
      }
    };
  }

  private Object inNewFrame(boolean transactional, Callable<Object> work) throws Exception {
    Frame frame = new Frame(factory.createEntityManager(), transactional);
    Deque<Frame> stack = frames.get();
    stack.push(frame);
    Object result;
    try {
      result = work.call();
    } catch (Exception | Error failure) {
      // an application exception declared without rollback commits the work done before it
      end(stack, frame, !rollsBack(failure) && !frame.rollbackOnly);
      throw failure;
    }
    end(stack, frame, !frame.rollbackOnly);
    return result;
  }

  /**
   * Ends a frame: commits when asked and possible, otherwise rolls back; then tells the
   * synchronizations (Weld's transactional observers) the outcome, outside the frame. A commit that
   * fails (a constraint violated at flush) reaches the caller as a rollback.
   */
  private void end(Deque<Frame> stack, Frame frame, boolean commit) {
    boolean committed = false;
    RuntimeException commitFailure = null;
    try {
      if (frame.transaction != null) {
        if (commit) {
          frame.synchronizations.forEach(Synchronization::beforeCompletion);
          try {
            frame.transaction.commit();
            committed = true;
          } catch (RuntimeException e) {
            commitFailure = e;
            if (frame.transaction.isActive()) {
              frame.transaction.rollback();
            }
          }
        } else if (frame.transaction.isActive()) {
          frame.transaction.rollback();
        }
      }
    } finally {
      stack.pop();
      frame.entityManager.close();
    }
    int status = committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
    frame.synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    if (commitFailure != null) {
      throw new EJBTransactionRolledbackException(
          "the transaction could not commit: " + commitFailure.getMessage(), commitFailure);
    }
  }

  /**
   * Whether an exception thrown out of a session bean rolls its transaction back: system exceptions
   * do; application exceptions only when declared with {@code rollback = true}.
   */
  static boolean rollsBack(Throwable failure) {
    ApplicationException declared = applicationException(failure.getClass());
    if (declared != null) {
      return declared.rollback();
    }
    return failure instanceof RuntimeException || failure instanceof Error;
  }

  /** Whether an exception reaches the caller as it is (an application exception). */
  static boolean isApplicationException(Throwable failure) {
    return applicationException(failure.getClass()) != null
        || !(failure instanceof RuntimeException || failure instanceof Error);
  }

  private static ApplicationException applicationException(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      ApplicationException declared = c.getAnnotation(ApplicationException.class);
      if (declared != null && (c == type || declared.inherited())) {
        return declared;
      }
    }
    return null;
  }

  @Override
  public void registerSynchronization(Synchronization synchronization) {
    Frame frame = current();
    if (frame == null || frame.transaction == null) {
      throw new IllegalStateException("no transaction to synchronize with");
    }
    frame.synchronizations.add(synchronization);
  }

  @Override
  public boolean isTransactionActive() {
    Frame frame = current();
    return frame != null && frame.transaction != null;
  }

  @Override
  public UserTransaction getUserTransaction() {
    throw new UnsupportedOperationException(
        "session beans here use container-managed transactions");
  }

  @Override
  public void cleanup() {}
}
