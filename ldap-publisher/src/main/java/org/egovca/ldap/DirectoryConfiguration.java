package org.egovca.ldap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the directory is and how to reach it, read once from Java system properties (Payara sets
 * them as JVM options) so that the same EAR runs against the embedded development directory or a
 * production OpenLDAP without being rebuilt.
 *
 * <p>The bind password is kept here only as configured; {@link BindPassword} resolves the generated
 * one of the embedded directory. {@link #toString()} never shows it.
 */
public final class DirectoryConfiguration {

  /** Whether this application hosts the embedded development directory. */
  public static final String EMBEDDED = "egovca.ldap.embedded";

  /**
   * URL of the directory the publisher writes to, {@code ldap://} or {@code ldaps://}; by default
   * the embedded directory on {@code 127.0.0.1} and {@link #PORT}.
   */
  public static final String URL = "egovca.ldap.url";

  /** Port the embedded directory listens on. */
  public static final String PORT = "egovca.ldap.port";

  /** Address the embedded directory listens on; loopback so it is not reachable from outside. */
  public static final String LISTEN_ADDRESS = "egovca.ldap.listenAddress";

  /** The DN under which certificates are published (the embedded directory's naming context). */
  public static final String BASE_DN = "egovca.ldap.baseDn";

  /** The DN the publisher binds as; the only DN the embedded directory lets write. */
  public static final String BIND_DN = "egovca.ldap.bindDn";

  /** The password of {@link #BIND_DN}. */
  public static final String BIND_PASSWORD = "egovca.ldap.bindPassword";

  /** Bound on establishing a connection, in milliseconds. */
  public static final String CONNECT_TIMEOUT = "egovca.ldap.connectTimeoutMillis";

  /** Bound on each LDAP operation, in milliseconds. */
  public static final String OPERATION_TIMEOUT = "egovca.ldap.operationTimeoutMillis";

  /**
   * The application's data directory (by default {@code ~/.egov-ca/data}, as for the CA core); the
   * embedded directory lives in its {@code ldap/}.
   */
  public static final String DATA_DIR = "egovca.data.dir";

  private final boolean embedded;
  private final URI url;
  private final int listenPort;
  private final String listenAddress;
  private final String baseDn;
  private final String bindDn;
  private final String bindPassword;
  private final Duration connectTimeout;
  private final Duration operationTimeout;
  private final Path dataDir;

  private DirectoryConfiguration(UnaryOperator<String> properties) {
    embedded = parseBoolean(properties, EMBEDDED, true);
    listenPort = parseInt(properties, PORT, 10389, 0, 65535);
    url = parseUrl(text(properties, URL, "ldap://127.0.0.1:" + listenPort));
    listenAddress = text(properties, LISTEN_ADDRESS, "127.0.0.1");
    baseDn = text(properties, BASE_DN, "o=iFutureCA,c=CN");
    bindDn = text(properties, BIND_DN, "cn=Directory Manager");
    bindPassword = properties.apply(BIND_PASSWORD);
    connectTimeout = Duration.ofMillis(parseInt(properties, CONNECT_TIMEOUT, 3000, 1, 600_000));
    operationTimeout = Duration.ofMillis(parseInt(properties, OPERATION_TIMEOUT, 5000, 1, 600_000));
    dataDir =
        Path.of(
            text(
                properties,
                DATA_DIR,
                Path.of(System.getProperty("user.home"), ".egov-ca", "data").toString()));
  }

  /** The configuration given by the JVM's system properties, with the documented defaults. */
  public static DirectoryConfiguration fromSystemProperties() {
    return new DirectoryConfiguration(System::getProperty);
  }

  /**
   * The configuration given by {@code properties} (a property name to its value, or null when it is
   * not set), with the same defaults as {@link #fromSystemProperties()}.
   *
   * @throws IllegalArgumentException when a value is malformed; the message names the property
   */
  public static DirectoryConfiguration from(UnaryOperator<String> properties) {
    return new DirectoryConfiguration(properties);
  }

  public boolean embedded() {
    return embedded;
  }

  public URI url() {
    return url;
  }

  public int listenPort() {
    return listenPort;
  }

  public String listenAddress() {
    return listenAddress;
  }

  public String baseDn() {
    return baseDn;
  }

  public String bindDn() {
    return bindDn;
  }

  /** The configured bind password, empty when it was not set. */
  public Optional<String> configuredBindPassword() {
    return Optional.ofNullable(bindPassword);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration operationTimeout() {
    return operationTimeout;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The embedded directory's own folder: its LDIF snapshot and generated password. */
  public Path embeddedDataDir() {
    return dataDir.resolve("ldap");
  }

  @Override
  public String toString() {
    return "DirectoryConfiguration[embedded="
        + embedded
        + ", url="
        + url
        + ", listen="
        + listenAddress
        + ':'
        + listenPort
        + ", baseDn="
        + baseDn
        + ", bindDn="
        + bindDn
        + ", bindPassword="
        + (bindPassword == null ? "generated" : "configured")
        + ", connectTimeout="
        + connectTimeout.toMillis()
        + "ms, operationTimeout="
        + operationTimeout.toMillis()
        + "ms, dataDir="
        + dataDir
        + ']';
  }

  private static String text(UnaryOperator<String> properties, String name, String fallback) {
    String value = properties.apply(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static boolean parseBoolean(
      UnaryOperator<String> properties, String name, boolean fallback) {
    String value = text(properties, name, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false: " + value);
    };
  }

  private static int parseInt(
      UnaryOperator<String> properties, String name, int fallback, int min, int max) {
    String value = text(properties, name, Integer.toString(fallback));
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ": " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer: " + value, e);
    }
  }

  private static URI parseUrl(String value) {
    URI parsed;
    try {
      parsed = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(URL + " is not a URL: " + value, e);
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ldap") && !scheme.equals("ldaps") || parsed.getHost() == null) {
      throw new IllegalArgumentException(
          URL + " must look like ldap://host:port or ldaps://host:port: " + value);
    }
    return parsed;
  }
}
