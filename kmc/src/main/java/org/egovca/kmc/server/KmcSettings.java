package org.egovca.kmc.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The KMC's settings.
 *
 * @param home the KMC's own directory: its token, the token's PIN, its protocol certificate and the
 *     pinned CA certificate
 * @param publishedCaCertificate where the CA publishes its protocol certificate, pinned from there
 *     on the first request when nothing is pinned yet; null: only the pinned file counts
 * @param maxSkew how far a request's time may be from the KMC's clock
 * @param maxRequests how many requests one CARequest may carry (review finding K2)
 * @param restorationsPerDay how many RestoreKeyReq envelopes one CA may have in any 24 hours
 *     ({@link RestorationBudget}): the KMC's own brake should the CA's protocol key be taken
 */
public record KmcSettings(
    Path home,
    Path publishedCaCertificate,
    Duration maxSkew,
    int maxRequests,
    int restorationsPerDay) {

  /** The file in {@link #home} holding the CA's pinned protocol certificate. */
  public static final String PINNED_CA_FILE = "trusted-ca.pem";

  static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);
  static final int DEFAULT_MAX_REQUESTS = 16;
  static final int DEFAULT_RESTORATIONS_PER_DAY = 50;

  /** The system property naming {@link #restorationsPerDay}. */
  static final String RESTORATIONS_PER_DAY = "egovca.kmc.restorationsPerDay";

  public KmcSettings {
    if (maxSkew.isNegative() || maxSkew.isZero()) {
      throw new IllegalArgumentException("the KMC's allowed clock skew must be positive");
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("the KMC must accept at least one request per message");
    }
    if (restorationsPerDay < 1) {
      throw new IllegalArgumentException(
          "the KMC's restoration budget ("
              + RESTORATIONS_PER_DAY
              + ") must allow at least 1 RestoreKeyReq per CA in 24 hours, not "
              + restorationsPerDay);
    }
  }

  /** These settings with the default restoration budget of 50 per CA in 24 hours. */
  public KmcSettings(Path home, Path publishedCaCertificate, Duration maxSkew, int maxRequests) {
    this(home, publishedCaCertificate, maxSkew, maxRequests, DEFAULT_RESTORATIONS_PER_DAY);
  }

  /**
   * From the system properties the start script sets: {@code egovca.kmc.home} (default {@code
   * <egovca.data.dir>/kmc}), {@code egovca.kmc.caCertificate} (default {@code
   * <egovca.data.dir>/kmc-client/ca-protocol.pem}), {@code egovca.kmc.maxSkewSeconds} (300), {@code
   * egovca.kmc.maxRequests} (16) and {@code egovca.kmc.restorationsPerDay} (50; not a whole number,
   * or below 1, is refused, so the KMC does not start with a brake it was not given).
   */
  public static KmcSettings fromSystemProperties() {
    String dataDir = System.getProperty("egovca.data.dir");
    String home = System.getProperty("egovca.kmc.home");
    if (home == null && dataDir == null) {
      throw new IllegalStateException(
          "the KMC needs egovca.kmc.home (or egovca.data.dir) to know its directory");
    }
    Path homePath = home != null ? Path.of(home) : Path.of(dataDir, "kmc");
    String published = System.getProperty("egovca.kmc.caCertificate");
    Path publishedPath =
        published != null
            ? Path.of(published)
            : dataDir == null ? null : Path.of(dataDir, "kmc-client", "ca-protocol.pem");
    return new KmcSettings(
        homePath,
        publishedPath,
        Duration.ofSeconds(Long.getLong("egovca.kmc.maxSkewSeconds", DEFAULT_MAX_SKEW.toSeconds())),
        Integer.getInteger("egovca.kmc.maxRequests", DEFAULT_MAX_REQUESTS),
        restorationsPerDayProperty());
  }

  /**
   * Unlike {@link Integer#getInteger}, which falls back to the default on a typo, a value that is
   * not a whole number is refused: a mistyped brake must not silently become the default one.
   */
  private static int restorationsPerDayProperty() {
    String value = System.getProperty(RESTORATIONS_PER_DAY);
    if (value == null) {
      return DEFAULT_RESTORATIONS_PER_DAY;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the KMC's restoration budget ("
              + RESTORATIONS_PER_DAY
              + ") must be a whole number of RestoreKeyReq per CA in 24 hours, not '"
              + value
              + "'",
          e);
    }
  }

  Path pinnedCaCertificate() {
    return home.resolve(PINNED_CA_FILE);
  }
}
