package org.egovca.servicetier;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Scope;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.egovca.ca.infrastructure.CaBootstrap;
import org.egovca.ca.infrastructure.DatabaseMigration;
import org.egovca.ca.infrastructure.SystemClock;
import org.egovca.ca.kmc.HttpsKmcTransport;
import org.egovca.custody.application.CustodyStart;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The services of the ejb module, started once for a test run: a fresh database migrated by the
 * services' own {@code DatabaseMigration}, a CA data directory of its own, and every bean the
 * module declares (session beans and CDI beans, as Payara finds them), with the {@link TestClock}
 * in place of the system clock.
 */
public final class ServiceContainer implements AutoCloseable {

  private static volatile ServiceContainer running;

  private final TestDatabase database;
  private final Path dataDirectory;
  private final EntityManagerFactory factory;
  private final Transactions transactions;
  private final TaskQueue tasks = new TaskQueue();
  private final TestClock clock = new TestClock();
  private WeldContainer weld;

  private ServiceContainer(TestDatabase database, Path dataDirectory) {
    this.database = database;
    this.dataDirectory = dataDirectory;
    this.factory = Persistence.createEntityManagerFactory("egovca", persistenceProperties());
    this.transactions = new Transactions(factory);
  }

  static synchronized ServiceContainer start() {
    if (running != null) {
      return running;
    }
    String adminUrl =
        System.getProperty(
            "egovca.serviceTier.adminUrl", "jdbc:postgresql://127.0.0.1:5432/postgres");
    TestDatabase database = TestDatabase.create(adminUrl);
    Path data = ownerOnlyDirectory();
    System.setProperty("egovca.data.dir", data.toString());
    // the embedded default's demo key custodians, as ear/bin/egovca sets it
    System.setProperty("egovca.activation", "demo");
    ServiceContainer container = new ServiceContainer(database, data);
    running = container;
    InjectionResources resources =
        new InjectionResources(
            container.factory, container.transactions, database.dataSource(), container.tasks);
    container.weld =
        new Weld("egovca-service-tier")
            .disableDiscovery()
            .addExtension(new EjbSemantics())
            .addBeanClasses(beanClasses())
            .addBeanClasses(
                ContainerManagedInterceptor.class,
                ClockProducer.class,
                HarnessProbe.class,
                InProcessKmc.class)
            .addServices(container.transactions, resources)
            .initialize();
    // what Payara does at deployment: the startup singletons, which migrate the schema, open the
    // token, set up the CA hierarchy on the first start and hold the demo key ceremonies
    container.weld.select(DatabaseMigration.class).get().toString();
    container.weld.select(CaBootstrap.class).get().isReady();
    container.weld.select(CustodyStart.class).get().toString();
    return container;
  }

  static ServiceContainer running() {
    ServiceContainer container = running;
    if (container == null) {
      throw new IllegalStateException("the service tier is not running");
    }
    return container;
  }

  Transactions transactions() {
    return transactions;
  }

  TaskQueue tasks() {
    return tasks;
  }

  TestClock clock() {
    return clock;
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  WeldContainer weld() {
    return weld;
  }

  TestDatabase database() {
    return database;
  }

  private Map<String, Object> persistenceProperties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", "");
    properties.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
    properties.put("jakarta.persistence.jdbc.url", database.url());
    properties.put("jakarta.persistence.jdbc.user", database.user());
    properties.put("jakarta.persistence.jdbc.password", "");
    properties.put("eclipselink.target-server", "None");
    properties.put("eclipselink.logging.level", "WARNING");
    return properties;
  }

  @Override
  public synchronized void close() throws Exception {
    try {
      if (weld != null && weld.isRunning()) {
        weld.shutdown();
      }
      factory.close();
    } finally {
      running = null;
      InProcessKmc.closeDatabase();
      database.close();
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** The classes Payara would make beans of: session beans and CDI bean-defining annotations. */
  private static Class<?>[] beanClasses() {
    Path classes;
    try {
      classes =
          Path.of(CaBootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(classes)) {
      List<Class<?>> beans =
          files
              .map(classes::relativize)
              .map(Path::toString)
              .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
              .map(name -> name.substring(0, name.length() - 6).replace('/', '.'))
              .map(ServiceContainer::load)
              .filter(ServiceContainer::isBean)
              .filter(type -> type != SystemClock.class)
              // the KMC runs in-process (InProcessKmc), not over HTTPS
              .filter(type -> type != HttpsKmcTransport.class)
              .toList();
      return beans.toArray(Class<?>[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ServiceContainer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isBean(Class<?> type) {
    for (Annotation annotation : type.getDeclaredAnnotations()) {
      Class<? extends Annotation> kind = annotation.annotationType();
      if (kind == Stateless.class
          || kind == Singleton.class
          || kind == Stateful.class
          || kind == Dependent.class
          || kind == jakarta.interceptor.Interceptor.class
          || kind.isAnnotationPresent(NormalScope.class)
          || kind.isAnnotationPresent(Scope.class)
          || kind.isAnnotationPresent(Stereotype.class)) {
        return true;
      }
    }
    return false;
  }

  private static Path ownerOnlyDirectory() {
    try {
      return Files.createTempDirectory(
          "egovca-service-tier",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The services' clock. */
  @Dependent
  static class ClockProducer {
    @Produces
    Clock clock() {
      return running().clock();
    }
  }
}
