package org.egovca.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The harness's report: every figure, its ratio to the reference rate, and its target. */
final class Summary {

  static final String SM2_ONE_PER_REQUEST = ">= 800/s";
  static final String SM2_BATCHED = ">= 2,000/s";
  static final String OCSP_FRESH_SM2 = ">= 5,000/s";
  static final String OCSP_CACHED = ">= 20,000/s";

  /** A figure and the target it has, if any. */
  record Line(ThroughputMeter.Figure figure, String target) {}

  private final Settings settings;
  private final OptionalDouble reference;

  Summary(Settings settings, OptionalDouble reference) {
    this.settings = settings;
    this.reference = reference;
  }

  void write(List<Line> lines) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("==== e-Gov CA load harness: deployed EAR, Payara + PostgreSQL ====");
    out.add(
        String.format(
            "processors=%d threads=%d warm-up=%ds measurement=%ds batch=%d java=%s",
            Runtime.getRuntime().availableProcessors(),
            settings.threads(),
            settings.warmUp().toSeconds(),
            settings.measurement().toSeconds(),
            settings.batchSize(),
            System.getProperty("java.version")));
    out.add(
        reference.isPresent()
            ? String.format(
                "reference %s = %.0f/s (core JMH benchmark, %s)",
                ReferenceRate.BENCHMARK, reference.getAsDouble(), settings.jmhResult())
            : "reference "
                + ReferenceRate.BENCHMARK
                + ": not found in "
                + settings.jmhResult()
                + " (run the ejb benchmark first); no ratios");
    out.add(
        String.format(
            "%-42s %10s %7s %8s %6s %9s %-11s %s",
            "figure",
            "per second",
            "ratio",
            "calls",
            "errors",
            "mean ms",
            "target",
            "cores busy: machine = server + client + rest"));
    for (Line line : lines) {
      ThroughputMeter.Figure figure = line.figure();
      out.add(
          String.format(
              "%-42s %10.1f %7s %8d %6d %9.2f %-11s %.2f = %.2f + %.2f + %.2f",
              figure.name(),
              figure.perSecond(),
              reference.isPresent()
                  ? String.format("%.3f", figure.perSecond() / reference.getAsDouble())
                  : "n/a",
              figure.calls(),
              figure.errors(),
              figure.meanLatencyMillis(),
              line.target() == null ? "-" : line.target(),
              figure.cpu().machine(),
              figure.cpu().server(),
              figure.cpu().client(),
              figure.cpu().rest()));
    }
    out.forEach(System.out::println);
    Files.createDirectories(settings.summary().toAbsolutePath().getParent());
    Files.write(settings.summary(), out, StandardCharsets.UTF_8);
  }
}
