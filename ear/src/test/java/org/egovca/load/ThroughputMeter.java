package org.egovca.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Runs one operation on many client threads: a warm-up, then a fixed measurement time in which
 * every call that completes counts. Reports items per second (a batch call completes many
 * certificates), the mean call latency and where the CPU went.
 */
final class ThroughputMeter {

  /** One call against the server; returns how many items (certificates, responses) it completed. */
  interface Operation {
    int call() throws Exception;
  }

  /** The result of one measurement. */
  record Figure(
      String name,
      double perSecond,
      long items,
      long calls,
      long errors,
      String firstError,
      double meanLatencyMillis,
      CpuTimes.Share cpu) {}

  private final int threads;
  private final Duration warmUp;
  private final Duration measurement;
  private final long serverPid;

  ThroughputMeter(int threads, Duration warmUp, Duration measurement, long serverPid) {
    this.threads = threads;
    this.warmUp = warmUp;
    this.measurement = measurement;
    this.serverPid = serverPid;
  }

  /** Runs the operation on every client thread for the warm-up time, counting nothing. */
  void warmUp(IntFunction<Operation> operations) throws InterruptedException {
    Run run = new Run();
    List<Thread> clients = start(run, operations);
    Thread.sleep(warmUp.toMillis());
    stop(run, clients);
  }

  /**
   * @param operations makes each client thread's operation (given the thread's number), so that a
   *     thread can keep its own state
   */
  Figure measure(String name, IntFunction<Operation> operations) throws InterruptedException {
    Run run = new Run();
    List<Thread> clients = start(run, operations);
    Thread.sleep(warmUp.toMillis());
    CpuTimes start = CpuTimes.now(serverPid);
    run.measuring = true;
    Thread.sleep(measurement.toMillis());
    run.measuring = false;
    CpuTimes end = CpuTimes.now(serverPid);
    stop(run, clients);
    double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
    long calls = run.calls.sum();
    return new Figure(
        name,
        run.items.sum() / seconds,
        run.items.sum(),
        calls,
        run.errors.sum(),
        run.firstError.get(),
        calls == 0 ? Double.NaN : run.latencyNanos.sum() / 1e6 / calls,
        end.since(start));
  }

  private List<Thread> start(Run run, IntFunction<Operation> operations) {
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Operation operation = operations.apply(i);
      Thread client = new Thread(() -> run.loop(operation), "load-" + i);
      client.start();
      clients.add(client);
    }
    return clients;
  }

  private static void stop(Run run, List<Thread> clients) throws InterruptedException {
    run.stopped = true;
    for (Thread client : clients) {
      client.join(Duration.ofMinutes(2).toMillis());
    }
  }

  /** Counters shared by the client threads of one measurement. */
  private static final class Run {
    volatile boolean measuring;
    volatile boolean stopped;
    final LongAdder items = new LongAdder();
    final LongAdder calls = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder latencyNanos = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>();

    void loop(Operation operation) {
      while (!stopped) {
        long started = System.nanoTime();
        try {
          int done = operation.call();
          if (measuring) {
            items.add(done);
            calls.increment();
            latencyNanos.add(System.nanoTime() - started);
          }
        } catch (Exception | AssertionError e) {
          if (measuring) {
            errors.increment();
          }
          firstError.compareAndSet(null, e.toString());
          pause();
        }
      }
    }

    /** A failing server is not hammered in a tight loop. */
    private static void pause() {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
