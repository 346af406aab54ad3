package org.egovca.sync.receiver;

import java.nio.file.Path;

/**
 * Where the receiver keeps its files, from system properties (set them with {@code asadmin
 * create-system-properties} or {@code -D} JVM options).
 *
 * @param trustDirectory {@code egovca.receiver.trustDir}: one {@code <caIdentifier>.pem} per CA
 *     holding that CA's certificates (every key generation) and its root; default {@code
 *     ${user.home}/.egov-ca/receiver/trust}
 * @param storeDirectory {@code egovca.receiver.storeDir}: the received messages; default {@code
 *     ${user.home}/.egov-ca/receiver/store}
 */
public record ReceiverSettings(Path trustDirectory, Path storeDirectory) {

  public static final String TRUST_DIR_PROPERTY = "egovca.receiver.trustDir";
  public static final String STORE_DIR_PROPERTY = "egovca.receiver.storeDir";

  public static ReceiverSettings fromSystemProperties() {
    Path home = Path.of(System.getProperty("user.home"), ".egov-ca", "receiver");
    return new ReceiverSettings(
        directory(TRUST_DIR_PROPERTY, home.resolve("trust")),
        directory(STORE_DIR_PROPERTY, home.resolve("store")));
  }

  private static Path directory(String property, Path fallback) {
    String value = System.getProperty(property);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }
}
