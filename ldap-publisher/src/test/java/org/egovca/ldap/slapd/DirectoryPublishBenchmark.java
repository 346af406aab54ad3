package org.egovca.ldap.slapd;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.egovca.ca.application.port.PublicationResult;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ldap.DirectoryConfiguration;
import org.egovca.ldap.LdapCertificatePublisher;
import org.egovca.ldap.TestCa;

/**
 * Throughput of directory publication: distinct holder certificates published through {@link
 * LdapCertificatePublisher} into a real OpenLDAP master, from several threads, then counted on the
 * syncrepl slave with ldapsearch. Each certificate has its own subject, under a few OUs of one
 * organisation, so each publication creates an entry, as issuance to new holders does.
 *
 * <p>Settings (system properties, defaults in brackets): {@code benchmark.certificates} [20000],
 * {@code benchmark.warmUp} [2000], {@code benchmark.threads} [8], {@code benchmark.maxConnections}
 * [8], {@code benchmark.units} [8], {@code benchmark.durable} [false: both databases run with mdb's
 * {@code dbnosync}]. Run by {@code mvn -B -Pbenchmark -DskipTests verify}; docs/BENCHMARKS.md has
 * the figures.
 */
public final class DirectoryPublishBenchmark {

  private static final String BASE = "o=iFutureCA,c=CN";
  private static final Duration REPLICATION_TIMEOUT = Duration.ofMinutes(3);

  private final int certificates = Integer.getInteger("benchmark.certificates", 20_000);
  private final int warmUp = Integer.getInteger("benchmark.warmUp", 2_000);
  private final int threads = Integer.getInteger("benchmark.threads", 8);
  private final int maxConnections = Integer.getInteger("benchmark.maxConnections", 8);
  private final int units = Integer.getInteger("benchmark.units", 8);
  private final boolean durable = Boolean.getBoolean("benchmark.durable");

  private DirectoryPublishBenchmark() {}

  public static void main(String[] args) throws Exception {
    new DirectoryPublishBenchmark().run();
  }

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "Directory publication benchmark: %,d certificates (after %,d warm-up), %d threads,"
            + " %d connections, %d OUs, %s%n",
        certificates,
        warmUp,
        threads,
        maxConnections,
        units,
        durable ? "durable commits" : "dbnosync");
    long preparing = System.nanoTime();
    TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    List<PublishedCertificate> warmUpSet = holders(ca, "Warm-up", warmUp);
    List<PublishedCertificate> measuredSet = holders(ca, "Unit", certificates);
    System.out.printf(
        Locale.ROOT,
        "Issued the test certificates (EC P-256) in %.1f s%n",
        (System.nanoTime() - preparing) / 1e9);

    try (SlapdPair directory = SlapdPair.start(BASE, durable)) {
      LdapCertificatePublisher publisher = publisher(directory);
      try {
        publishAll(publisher, warmUpSet);
        Duration masterBefore = directory.masterCpuTime();
        Duration slaveBefore = directory.slaveCpuTime();
        long jvmBefore = jvmCpuNanos();

        long started = System.nanoTime();
        Run run = publishAll(publisher, measuredSet);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        double seconds = elapsed.toNanos() / 1e9;
        double master = (directory.masterCpuTime().minus(masterBefore)).toMillis() / 1e3;
        double slave = (directory.slaveCpuTime().minus(slaveBefore)).toMillis() / 1e3;
        double jvm = (jvmCpuNanos() - jvmBefore) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "Published %,d certificates in %.2f s: %,.0f publishes/s, mean latency %.2f ms,"
                + " %d failed%n",
            certificates,
            seconds,
            certificates / seconds,
            run.meanLatencyMillis(),
            run.failures());
        System.out.printf(
            Locale.ROOT,
            "Cores busy during the measurement: master slapd %.2f, slave slapd %.2f,"
                + " publisher JVM %.2f%n",
            master / seconds,
            slave / seconds,
            jvm / seconds);

        Duration catchUp =
            directory
                .slave()
                .awaitCount("(objectClass=pkiUser)", warmUp + certificates, REPLICATION_TIMEOUT);
        System.out.printf(
            Locale.ROOT,
            "The slave holds all %,d holder entries (ldapsearch), %.2f s after the last publish%n",
            warmUp + certificates,
            catchUp.toMillis() / 1e3);
        if (run.failures() > 0) {
          throw new IllegalStateException(run.failures() + " publications failed");
        }
      } finally {
        publisher.close();
      }
    }
  }

  private List<PublishedCertificate> holders(TestCa ca, String prefix, int count) {
    List<PublishedCertificate> holders = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      holders.add(
          ca.issue(
              String.format(
                  Locale.ROOT,
                  "CN=%s Holder %06d,OU=%s %d,O=Bench Bureau,C=CN",
                  prefix,
                  i,
                  prefix,
                  i % units)));
    }
    return holders;
  }

  private LdapCertificatePublisher publisher(SlapdPair directory) {
    Map<String, String> properties = new HashMap<>();
    properties.put(DirectoryConfiguration.EMBEDDED, "false");
    properties.put(DirectoryConfiguration.URL, directory.masterUrl().toString());
    properties.put(DirectoryConfiguration.BASE_DN, directory.baseDn());
    properties.put(DirectoryConfiguration.BIND_DN, directory.bindDn());
    properties.put(DirectoryConfiguration.BIND_PASSWORD, directory.bindPassword());
    properties.put(DirectoryConfiguration.MAX_CONNECTIONS, Integer.toString(maxConnections));
    return new LdapCertificatePublisher(DirectoryConfiguration.from(properties::get));
  }

  /** Publishes {@code certificates} from {@link #threads} threads, each taking the next one. */
  private Run publishAll(LdapCertificatePublisher publisher, List<PublishedCertificate> set)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicLong latencyNanos = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < set.size(); i = next.getAndIncrement()) {
                    long started = System.nanoTime();
                    PublicationResult result = publisher.certificateAdded(set.get(i));
                    latencyNanos.addAndGet(System.nanoTime() - started);
                    if (!result.published()) {
                      failures.incrementAndGet();
                      System.err.println("failed: " + result.detail());
                    }
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Run(failures.get(), latencyNanos.get() / 1e6 / Math.max(1, set.size()));
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private record Run(int failures, double meanLatencyMillis) {}
}
