package org.egovca.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference every figure is compared with: BouncyCastle alone building, SM2-signing and
 * encoding certificates on one thread ({@code bareBouncyCastleSm2CertificateSigning}), read from
 * the JSON result file the core JMH benchmark (ejb, {@code BenchmarkMain}) writes in the same run.
 */
final class ReferenceRate {

  static final String BENCHMARK = "bareBouncyCastleSm2CertificateSigning";

  private static final Pattern SCORE =
      Pattern.compile("\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([0-9.eE+-]+)");

  private ReferenceRate() {}

  /** The reference rate in certificates per second, or empty when the file has none. */
  static OptionalDouble read(Path jmhResult) throws IOException {
    if (!Files.isRegularFile(jmhResult)) {
      return OptionalDouble.empty();
    }
    String json = Files.readString(jmhResult);
    int benchmark = json.indexOf("." + BENCHMARK + "\"");
    if (benchmark < 0) {
      return OptionalDouble.empty();
    }
    Matcher score = SCORE.matcher(json);
    return score.find(benchmark)
        ? OptionalDouble.of(Double.parseDouble(score.group(1)))
        : OptionalDouble.empty();
  }
}
