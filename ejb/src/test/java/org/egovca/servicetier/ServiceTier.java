package org.egovca.servicetier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit extension of a service test: starts the {@link ServiceContainer} once for the whole run
 * (the first test class that needs it pays the start, a few seconds), injects the test's
 * {@code @Inject} fields with the services, and before each test puts the clock back to the
 * system's time and forgets queued tasks. Tests share one database, so each creates the data it
 * needs under names of its own.
 */
public final class ServiceTier implements TestInstancePostProcessor, BeforeEachCallback {

  @Override
  public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
    ServiceContainer container =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(
                ServiceContainer.class, type -> Closing.of(ServiceContainer.start()), Closing.class)
            .container();
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
    container.tasks().clear();
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
