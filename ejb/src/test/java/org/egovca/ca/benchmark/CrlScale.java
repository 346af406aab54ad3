package org.egovca.ca.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Seconds and peak heap to write a large CRL with {@code CrlWriter.write}, each size in a JVM of
 * its own started with {@value #HEAP}. The child runs the existing {@code
 * org.egovca.ca.x509.crl.LargeCrlMain} (generated entries, streaming writer, SM2 signer from the
 * software crypto token or BouncyCastle's JCA signer) and measures around it: {@code System.gc()}
 * and a reset of the heap pools' peak counters first, then the total heap in use sampled every
 * millisecond, and the heap pools' own peak counters at the end.
 *
 * <p>{@code main} without arguments measures 100,000 and 1,000,000 entries with both signers and
 * prints one line per run.
 */
public final class CrlScale {

  static final String HEAP = "-Xmx256m";
  private static final String CHILD = "child";

  /** One measured CRL, or a failed run ({@code exitCode != 0}). */
  public record Result(
      int entries,
      String signer,
      int exitCode,
      long octets,
      long millis,
      long sampledPeakHeapMiB,
      long poolPeakSumMiB,
      long largestPoolPeakMiB,
      String failure) {

    public boolean ok() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      if (!ok()) {
        return String.format(
            "CRL %,d entries, %s signer, %s: FAILED (exit %d) %s",
            entries, signer, HEAP, exitCode, failure);
      }
      return String.format(
          "CRL %,d entries, %s signer, %s: %.2f s, %,d octets, peak heap %d MiB sampled"
              + " (heap pools' peaks: sum %d MiB, largest %d MiB)",
          entries,
          signer,
          HEAP,
          millis / 1000.0,
          octets,
          sampledPeakHeapMiB,
          poolPeakSumMiB,
          largestPoolPeakMiB);
    }
  }

  private CrlScale() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(CHILD)) {
      child(args);
      return;
    }
    for (Result result : measureAll()) {
      System.out.println(result);
    }
  }

  /** 100,000 and 1,000,000 entries, token signer and JCA signer. */
  public static List<Result> measureAll() throws IOException, InterruptedException {
    List<Result> results = new ArrayList<>();
    for (int entries : new int[] {100_000, 1_000_000}) {
      for (String signer : new String[] {"token", "jca"}) {
        results.add(measure(entries, signer));
      }
    }
    return results;
  }

  /** Writes one CRL in a child JVM with {@value #HEAP}; {@code signer} is token or jca. */
  public static Result measure(int entries, String signer)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("egovca-crlscale");
    try {
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              HEAP,
              "-cp",
              System.getProperty("java.class.path"),
              CrlScale.class.getName(),
              CHILD,
              Integer.toString(entries),
              work.resolve("crl.der").toString(),
              work.toString(),
              signer);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Map<String, String> values = new TreeMap<>();
      StringBuilder output = new StringBuilder();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          output.append(line).append('\n');
          for (String field : line.trim().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
              values.put(field.substring(0, eq), field.substring(eq + 1));
            }
          }
        }
      }
      int exit = process.waitFor();
      if (exit != 0 || !values.containsKey("millis") || !values.containsKey("sampledPeakMiB")) {
        String tail =
            output.length() > 600 ? output.substring(output.length() - 600) : output.toString();
        return new Result(entries, signer, exit == 0 ? -1 : exit, 0, 0, 0, 0, 0, tail);
      }
      return new Result(
          entries,
          signer,
          0,
          Long.parseLong(values.get("octets")),
          Long.parseLong(values.get("millis")),
          Long.parseLong(values.get("sampledPeakMiB")),
          Long.parseLong(values.get("poolPeakSumMiB")),
          Long.parseLong(values.get("largestPoolPeakMiB")),
          null);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** In the child JVM: args are child, entries, output file, work directory, signer. */
  private static void child(String[] args) throws Exception {
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    HeapSampler sampler = new HeapSampler();
    sampler.start();

    Method largeCrl =
        Class.forName("org.egovca.ca.x509.crl.LargeCrlMain").getMethod("main", String[].class);
    largeCrl.setAccessible(true); // package-private class in the test sources
    try {
      largeCrl.invoke(null, (Object) new String[] {args[1], args[2], args[3], args[4]});
    } catch (InvocationTargetException e) {
      throw (e.getCause() instanceof Exception cause) ? cause : e;
    }

    sampler.stopSampling();
    long poolPeakSum = 0;
    long largestPoolPeak = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      long peak = pool.getPeakUsage().getUsed();
      poolPeakSum += peak;
      largestPoolPeak = Math.max(largestPoolPeak, peak);
    }
    System.out.printf(
        "sampledPeakMiB=%d poolPeakSumMiB=%d largestPoolPeakMiB=%d%n",
        mib(sampler.peak()), mib(poolPeakSum), mib(largestPoolPeak));
  }

  private static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /** Samples the total heap in use every millisecond and keeps the largest value. */
  private static final class HeapSampler extends Thread {
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      var memory = ManagementFactory.getMemoryMXBean();
      while (running) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopSampling() throws InterruptedException {
      running = false;
      join();
      peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    long peak() {
      return peak;
    }
  }
}
