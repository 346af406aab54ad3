package org.egovca.servicetier;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import javax.sql.DataSource;
import org.jboss.weld.injection.spi.JpaInjectionServices;
import org.jboss.weld.injection.spi.ResourceInjectionServices;
import org.jboss.weld.injection.spi.ResourceReferenceFactory;
import org.jboss.weld.injection.spi.helpers.SimpleResourceReference;

/**
 * What the EJB container injects besides CDI beans: the persistence context (one entity manager
 * that works in the caller's transaction context) and the {@code @Resource}s the services name: the
 * data source, the managed executors (queueing, see {@link TaskQueue}) and the session context. The
 * mail session is absent: notices are queued and a test that sends them brings its own.
 */
final class InjectionResources implements JpaInjectionServices, ResourceInjectionServices {

  private final EntityManagerFactory factory;
  private final EntityManager entityManager;
  private final DataSource dataSource;
  private final TaskQueue tasks;
  private final Transactions transactions;

  InjectionResources(
      EntityManagerFactory factory,
      Transactions transactions,
      DataSource dataSource,
      TaskQueue tasks) {
    this.factory = factory;
    this.transactions = transactions;
    this.entityManager = transactionScoped(transactions);
    this.dataSource = dataSource;
    this.tasks = tasks;
  }

  @Override
  public ResourceReferenceFactory<EntityManager> registerPersistenceContextInjectionPoint(
      InjectionPoint injectionPoint) {
    return () -> new SimpleResourceReference<>(entityManager);
  }

  @Override
  public ResourceReferenceFactory<EntityManagerFactory> registerPersistenceUnitInjectionPoint(
      InjectionPoint injectionPoint) {
    return () -> new SimpleResourceReference<>(factory);
  }

  @Override
  public ResourceReferenceFactory<Object> registerResourceInjectionPoint(
      InjectionPoint injectionPoint) {
    Resource resource = injectionPoint.getAnnotated().getAnnotation(Resource.class);
    Object value = resource(resource == null ? "" : resource.lookup(), injectionPoint.getType());
    return () -> new SimpleResourceReference<>(value);
  }

  @Override
  public ResourceReferenceFactory<Object> registerResourceInjectionPoint(
      String jndiName, String mappedName) {
    Object value = resource(jndiName, Object.class);
    return () -> new SimpleResourceReference<>(value);
  }

  private Object resource(String lookup, Type type) {
    if (lookup.equals("jdbc/egovca") || type == DataSource.class) {
      return dataSource;
    }
    if (lookup.equals("mail/egovca")) {
      return null;
    }
    if (type == ManagedScheduledExecutorService.class) {
      return tasks.executor(ManagedScheduledExecutorService.class);
    }
    if (type == ManagedExecutorService.class) {
      return tasks.executor(ManagedExecutorService.class);
    }
    if (type == SessionContext.class) {
      return sessionContext();
    }
    throw new IllegalArgumentException(
        "the service tier has no resource " + lookup + " of type " + type);
  }

  /** The session context of a bean: its business object and the transaction's rollback mark. */
  private SessionContext sessionContext() {
    return (SessionContext)
        Proxy.newProxyInstance(
            SessionContext.class.getClassLoader(),
            new Class<?>[] {SessionContext.class},
            (proxy, method, arguments) ->
                switch (method.getName()) {
                  case "getBusinessObject" -> CDI.current().select((Class<?>) arguments[0]).get();
                  case "setRollbackOnly" -> {
                    transactions.current().setRollbackOnly();
                    yield null;
                  }
                  case "getRollbackOnly" -> transactions.current().isRollbackOnly();
                  case "toString" -> "service tier session context";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == arguments[0];
                  default ->
                      throw new UnsupportedOperationException(
                          "the service tier's session context cannot " + method.getName());
                });
  }

  /**
   * The persistence context of the caller's transaction context, as a container-managed entity
   * manager behaves: each call goes to the entity manager of the innermost frame.
   */
  private static EntityManager transactionScoped(Transactions transactions) {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, arguments) -> {
              switch (method.getName()) {
                case "toString":
                  return "transaction-scoped entity manager";
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == arguments[0];
                default:
                  break;
              }
              Transactions.Frame frame = transactions.current();
              if (frame == null) {
                throw new IllegalStateException(
                    "the entity manager was used outside every service call");
              }
              try {
                return method.invoke(frame.entityManager(), arguments);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public void cleanup() {}
}
