package org.egovca.ca.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The core benchmark in one command: the JMH certificate benchmarks ({@link
 * CertificateIssuanceBenchmark}), then the CRL scale runs ({@link CrlScale}), then a summary with
 * every figure also as a ratio to the bare BouncyCastle SM2 certificate-signing rate on one thread.
 * Run by {@code mvn -B -pl ejb -am -Pbenchmark -DskipTests verify}.
 */
public final class BenchmarkMain {

  private static final String REFERENCE = "bareBouncyCastleSm2CertificateSigning";

  /** Targets from the requirement, for the figures that have one here. */
  private static final Map<String, String> TARGETS =
      Map.of(
          "sm2CertificateThroughTokenAndAssemblerTwoThreads",
          ">= 800/s one per request, >= 2,000/s batched (deployed EAR, 2 cores)");

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Options options =
        new OptionsBuilder()
            .include(CertificateIssuanceBenchmark.class.getName() + "\\.")
            .forks(1)
            .warmupIterations(4)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(3))
            // the load harness of the deployed EAR (ear, same profile) reads the reference from it
            .resultFormat(ResultFormatType.JSON)
            .result(System.getProperty("egovca.benchmark.jmhResult", "target/jmh-result.json"))
            .build();
    Collection<RunResult> runs = new Runner(options).run();
    List<CrlScale.Result> crls = CrlScale.measureAll();

    Map<String, Result<?>> scores = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult());
    }
    Result<?> reference = scores.get(REFERENCE);
    double bareRate = reference == null ? Double.NaN : reference.getScore();

    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("==== e-Gov CA core benchmark summary ====");
    lines.add(
        String.format(
            "processors=%d java=%s %s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name")));
    lines.add(
        String.format(
            "%-50s %12s %10s %8s %s", "benchmark", "score", "error", "unit", "ratio to bare BC"));
    for (Map.Entry<String, Result<?>> entry : scores.entrySet()) {
      Result<?> result = entry.getValue();
      String target = TARGETS.get(entry.getKey());
      lines.add(
          String.format(
              "%-50s %12.1f %10.1f %8s %8.3f%s",
              entry.getKey(),
              result.getScore(),
              result.getScoreError(),
              result.getScoreUnit(),
              result.getScore() / bareRate,
              target == null ? "" : "   target " + target));
    }
    lines.add("");
    lines.add(
        "CRL runs (ratio: seconds x bare BC SM2 rate = bare certificate signings in that time;"
            + " target 1,000,000 entries in <= 5 s within 256 MB heap):");
    for (CrlScale.Result crl : crls) {
      if (crl.ok()) {
        double seconds = crl.millis() / 1000.0;
        lines.add(
            String.format(
                "  %s; ratio %.0f bare signings; %.0f entries/s = %.1f x bare rate",
                crl,
                seconds * bareRate,
                crl.entries() / seconds,
                crl.entries() / seconds / bareRate));
      } else {
        lines.add("  " + crl);
      }
    }
    lines.forEach(System.out::println);
  }
}
