package org.egovca.sync.receiver;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.egovca.sync.Recipient;

/**
 * The receiver's identity and where it keeps its files. Each setting is read from the web
 * application's context parameter of the same name (in {@code web.xml}, or set on the deployed
 * application with {@code asadmin set-web-context-param}), else from the server's system property
 * ({@code asadmin create-system-properties} or {@code -D}): context parameters let several
 * receivers, each for its own e-gov system, run on one server.
 *
 * @param trustDirectory {@code egovca.receiver.trustDir}: one {@code <caName>.pem} per CA holding
 *     that CA's certificates (one per CA key) and its root; default {@code
 *     ${user.home}/.egov-ca/receiver/trust}
 * @param storeDirectory {@code egovca.receiver.storeDir}: the received messages; default {@code
 *     ${user.home}/.egov-ca/receiver/store}
 * @param identity {@code egovca.receiver.systemName} and {@code egovca.receiver.applicationUnit}:
 *     the e-gov system this receiver serves, exactly as the CA registered it (its name and its
 *     application unit's code); required. Messages that name another recipient are refused.
 */
public record ReceiverSettings(Path trustDirectory, Path storeDirectory, Recipient identity) {

  public static final String TRUST_DIR_PROPERTY = "egovca.receiver.trustDir";
  public static final String STORE_DIR_PROPERTY = "egovca.receiver.storeDir";
  public static final String SYSTEM_NAME_PROPERTY = "egovca.receiver.systemName";
  public static final String APPLICATION_UNIT_PROPERTY = "egovca.receiver.applicationUnit";

  public ReceiverSettings {
    Objects.requireNonNull(trustDirectory, "trustDirectory");
    Objects.requireNonNull(storeDirectory, "storeDirectory");
    Objects.requireNonNull(identity, "identity");
  }

  /** The settings given by the server's system properties alone. */
  public static ReceiverSettings fromSystemProperties() {
    return from(name -> null);
  }

  /**
   * The settings given by {@code contextParameters} (a name to its value, or null), each falling
   * back to the system property of the same name.
   *
   * @throws IllegalStateException naming the setting that is missing or malformed
   */
  public static ReceiverSettings from(UnaryOperator<String> contextParameters) {
    UnaryOperator<String> setting =
        name -> {
          String value = contextParameters.apply(name);
          value = value == null || value.isBlank() ? System.getProperty(name) : value;
          return value == null || value.isBlank() ? null : value.trim();
        };
    Path home = Path.of(System.getProperty("user.home"), ".egov-ca", "receiver");
    return new ReceiverSettings(
        directory(setting, TRUST_DIR_PROPERTY, home.resolve("trust")),
        directory(setting, STORE_DIR_PROPERTY, home.resolve("store")),
        identity(setting));
  }

  private static Path directory(UnaryOperator<String> setting, String name, Path fallback) {
    String value = setting.apply(name);
    return value == null ? fallback : Path.of(value);
  }

  private static Recipient identity(UnaryOperator<String> setting) {
    String system = setting.apply(SYSTEM_NAME_PROPERTY);
    String unit = setting.apply(APPLICATION_UNIT_PROPERTY);
    if (system == null || unit == null) {
      throw new IllegalStateException(
          "the receiver does not know which e-gov system it is: set "
              + SYSTEM_NAME_PROPERTY
              + " and "
              + APPLICATION_UNIT_PROPERTY
              + " to the system's name and application unit as registered at the CA");
    }
    try {
      return new Recipient(system, unit);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          SYSTEM_NAME_PROPERTY + " or " + APPLICATION_UNIT_PROPERTY + ": " + e.getMessage(), e);
    }
  }
}
