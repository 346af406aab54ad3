package org.egovca.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sync delivery figure of the load harness: certificates of one application unit are issued
 * while its e-gov system (the reference receiver on the same Payara) is switched off, so their
 * messages wait in its delivery queue; the receiver is switched on and the figure is the rate at
 * which the queue delivers them, from the first delivery to the last (the delivery times the CA
 * records). Delivery to one system goes through one queue, in order, so this is the rate of one
 * queue.
 */
public final class SyncThroughput {

  private SyncThroughput() {}

  /**
   * @return deliveries per second
   */
  public static double measure(EarLauncher launcher, CaServer server, int certificates, int threads)
      throws Exception {
    Path directory = Files.createTempDirectory("sync-throughput");
    ReferenceReceiver receiver =
        ReferenceReceiver.deploy(launcher, server, "sync-receiver-bench", "bench", "BENCH");
    receiver.stop();
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    String failure = admins.admin.createApplicationUnit("BENCH", "Benchmark unit");
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    admins.authoriseDemoRa(server, "BENCH");
    admins.approved(
        admin ->
            admin.registerEgovSystem(
                "bench",
                "BENCH",
                receiver.endpoint(),
                "REALTIME",
                0,
                List.of("ISSUE"),
                TestRequests.rsa(directory, "bench", 2048),
                // the receiver beside the CA answers over plain HTTP: a test system, allowed so
                true,
                null));
    String pkcs10 = TestRequests.sm2(directory, "holder");
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> done =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  threads,
                  () -> {
                    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
                    for (int i = next.getAndIncrement();
                        i < certificates;
                        i = next.getAndIncrement()) {
                      RaSoapClient.Answer answer =
                          ra.issueCertificate(
                              "personal-sign", "CN=Bench " + i + ",C=CN", pkcs10, "BENCH", false);
                      if (!answer.issued()) {
                        throw new IllegalStateException(answer.faultString());
                      }
                    }
                    return null;
                  }));
      for (Future<Object> thread : done) {
        thread.get();
      }
    } finally {
      pool.shutdown();
    }
    receiver.start();
    Records records = new Records(server);
    String queue = records.egovSystem("bench").orElseThrow().queue();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (records.waitingDeliveries(queue) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            records.waitingDeliveries(queue) + " deliveries still pending");
      }
      Thread.sleep(200);
    }
    Records.DeliveredSpan delivered = records.delivered(queue);
    double seconds = Duration.between(delivered.first(), delivered.last()).toMillis() / 1000.0;
    System.out.printf(
        "[load] sync: %d deliveries to the reference receiver in %.1f s%n",
        delivered.count(), seconds);
    return (delivered.count() - 1) / seconds;
  }
}
