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
 */
public record KmcSettings(
    Path home, Path publishedCaCertificate, Duration maxSkew, int maxRequests) {

  /** The file in {@link #home} holding the CA's pinned protocol certificate. */
  public static final String PINNED_CA_FILE = "trusted-ca.pem";

  static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);
  static final int DEFAULT_MAX_REQUESTS = 16;

  public KmcSettings {
    if (maxSkew.isNegative() || maxSkew.isZero()) {
      throw new IllegalArgumentException("the KMC's allowed clock skew must be positive");
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("the KMC must accept at least one request per message");
    }
  }

  /**
   * From the system properties the start script sets: {@code egovca.kmc.home} (default {@code
   * <egovca.data.dir>/kmc}), {@code egovca.kmc.caCertificate} (default {@code
   * <egovca.data.dir>/kmc-client/ca-protocol.pem}), {@code egovca.kmc.maxSkewSeconds} (300) and
   * {@code egovca.kmc.maxRequests} (16).
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
        Integer.getInteger("egovca.kmc.maxRequests", DEFAULT_MAX_REQUESTS));
  }

  Path pinnedCaCertificate() {
    return home.resolve(PINNED_CA_FILE);
  }
}
