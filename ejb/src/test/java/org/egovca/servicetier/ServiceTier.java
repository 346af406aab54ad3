package org.egovca.servicetier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit extension of a service test: starts the {@link ServiceContainer} once for the whole run
 * (the first test class that needs it pays the start, a few seconds), injects the test's
 * {@code @Inject} fields with the services, and before each test puts the clock back to the
 * system's time and runs what earlier tests left queued, so each test starts with no task waiting
 * (a task thrown away could leave a service waiting for it for the rest of the run). Tests share
 * one database, so each creates the data it needs under names of its own.
 */
public final class ServiceTier
    implements BeforeAllCallback, TestInstancePostProcessor, BeforeEachCallback {

  private static final Logger LOG = Logger.getLogger(ServiceTier.class.getName());

  /** Starts the container before the test class's own {@code @BeforeAll} methods run. */
  @Override
  public void beforeAll(ExtensionContext context) {
    container(context);
  }

  @Override
  public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
    ServiceContainer container = container(context);
    for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(Inject.class)) {
          field.setAccessible(true);
          field.set(test, container.weld().select(field.getType()).get());
        }
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ServiceContainer container = ServiceContainer.running();
    container.clock().reset();
    for (int attempt = 0; attempt < 100 && !container.tasks().waiting().isEmpty(); attempt++) {
      try {
        container.tasks().runAll();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "a task an earlier test left queued failed", e);
      }
    }
  }

  private static ServiceContainer container(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            ServiceContainer.class, type -> Closing.of(ServiceContainer.start()), Closing.class)
        .container();
  }

  /** The services' clock, to move time forward. */
  public static TestClock clock() {
    return ServiceContainer.running().clock();
  }

  /** The work the services queued (asynchronous calls, executor tasks). */
  public static TaskQueue tasks() {
    return ServiceContainer.running().tasks();
  }

  /** The CA's data directory (its token and the credentials written at first start). */
  public static Path dataDirectory() {
    return ServiceContainer.running().dataDirectory();
  }

  /**
   * Runs {@code work} in a transaction of its own with the services' persistence context, for
   * setting up what no service call can and for looking at what the services wrote.
   */
  @SuppressWarnings("unchecked")
  public static <T> T inTransaction(Function<EntityManager, T> work) {
    ServiceContainer container = ServiceContainer.running();
    try {
      return (T)
          container
              .transactions()
              .run(
                  jakarta.ejb.TransactionAttributeType.REQUIRES_NEW,
                  () -> work.apply(container.transactions().current().entityManager()));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes the container when the run ends. */
  private record Closing(ServiceContainer container)
      implements ExtensionContext.Store.CloseableResource {
    static Closing of(ServiceContainer container) {
      return new Closing(container);
    }

    @Override
    public void close() throws Exception {
      container.close();
    }
  }
}
