package org.egovca.ldap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the directory is, how to reach it and what to publish there, read once from Java system
 * properties (Payara sets them as JVM options) so that the same EAR runs against the embedded
 * development directory or a production OpenLDAP without being rebuilt. The three parts of
 * publishing are configured apart, as in Dogtag: the MAPPING of a subject to an entry under {@value
 * #BASE_DN} ({@link EntryDnMapper}), the PUBLISHING attribute of each item ({@link
 * PublishingAttributes}) and the RULES of what is published and withdrawn ({@link
 * PublishingRules}). docs/DIRECTORY.md lists every property.
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

  /**
   * The password of {@link #BIND_DN}. The start script sets it to {@code
   * ${ALIAS=egovca-ldap-bind-password}}: Payara resolves the password alias when it sets the system
   * property, so the password is in no configuration file or command line in clear. A value still
   * in that form is an alias the server could not resolve, and is refused naming it.
   */
  public static final String BIND_PASSWORD = "egovca.ldap.bindPassword";

  /** Bound on establishing a connection, in milliseconds. */
  public static final String CONNECT_TIMEOUT = "egovca.ldap.connectTimeoutMillis";

  /** Bound on each LDAP operation, in milliseconds. */
  public static final String OPERATION_TIMEOUT = "egovca.ldap.operationTimeoutMillis";

  /**
   * A PEM file of the CA certificates trusted for an {@code ldaps://} directory (the CA that issued
   * the directory's server certificate, or that certificate itself); required for {@code ldaps://}.
   * Nothing else is trusted: not the JVM's or the server's trust store, which holds this CA's own
   * RSA TLS CA, the issuer of holders' TLS server certificates. The server's certificate must also
   * name the URL's host.
   */
  public static final String TRUSTED_CERTIFICATES = "egovca.ldap.tls.trustedCertificates";

  /**
   * Whether a bind password may cross the network in clear: {@code ldap://} to another host than
   * this one (false by default; true only for a test directory behind a protected network).
   */
  public static final String ALLOW_PLAIN = "egovca.ldap.allowPlain";

  /** The most connections the publisher holds open to the directory at once. */
  public static final String MAX_CONNECTIONS = "egovca.ldap.maxConnections";

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
  private final Path trustedCertificates;
  private final int maxConnections;
  private final Path dataDir;
  private final PublishingAttributes publishing;
  private final PublishingRules rules;

  private DirectoryConfiguration(ConfigurationValues values) {
    embedded = values.bool(EMBEDDED, true);
    listenPort = values.integer(PORT, 10389, 0, 65535);
    url = parseUrl(values.text(URL, "ldap://127.0.0.1:" + listenPort));
    listenAddress = values.text(LISTEN_ADDRESS, "127.0.0.1");
    baseDn = values.text(BASE_DN, "o=iFutureCA,c=CN");
    bindDn = values.text(BIND_DN, "cn=Directory Manager");
    bindPassword = resolvedPassword(values.verbatim(BIND_PASSWORD));
    connectTimeout = Duration.ofMillis(values.integer(CONNECT_TIMEOUT, 3000, 1, 600_000));
    operationTimeout = Duration.ofMillis(values.integer(OPERATION_TIMEOUT, 5000, 1, 600_000));
    String trusted = values.raw(TRUSTED_CERTIFICATES);
    trustedCertificates = trusted == null ? null : Path.of(trusted);
    if (trustedCertificates == null && url.getScheme().equalsIgnoreCase("ldaps")) {
      throw new IllegalArgumentException(
          TRUSTED_CERTIFICATES
              + " is required for an ldaps:// directory: the PEM file of the CA that issued the"
              + " directory's server certificate (the server's trust store is not used)");
    }
    if (bindPassword != null
        && url.getScheme().equalsIgnoreCase("ldap")
        && !loopback(url.getHost())
        && !values.bool(ALLOW_PLAIN, false)) {
      throw new IllegalArgumentException(
          URL
              + " is ldap:// to another host: the bind password would cross the network in clear"
              + " and anyone on the way could publish; use ldaps:// with "
              + TRUSTED_CERTIFICATES
              + ", or set "
              + ALLOW_PLAIN
              + "=true for a test directory");
    }
    maxConnections = values.integer(MAX_CONNECTIONS, 8, 1, 256);
    dataDir =
        Path.of(
            values.text(
                DATA_DIR, Path.of(System.getProperty("user.home"), ".egov-ca", "data").toString()));
    publishing = PublishingAttributes.from(values);
    rules = PublishingRules.from(values);
  }

  /** A host name that stays on this machine, as written (no name is looked up). */
  private static boolean loopback(String host) {
    String name = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    return name.equals("localhost")
        || name.startsWith("127.")
        || name.equals("[::1]")
        || name.equals("::1");
  }

  /** The configuration given by the JVM's system properties, with the documented defaults. */
  public static DirectoryConfiguration fromSystemProperties() {
    return from(System::getProperty);
  }

  /**
   * The configuration given by {@code properties} (a property name to its value, or null when it is
   * not set), with the same defaults as {@link #fromSystemProperties()}.
   *
   * @throws IllegalArgumentException when a value is malformed; the message names the property
   */
  public static DirectoryConfiguration from(UnaryOperator<String> properties) {
    return new DirectoryConfiguration(new ConfigurationValues(properties));
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

  /**
   * The PEM file of the certificates trusted for {@code ldaps://}; present whenever that is used.
   */
  public Optional<Path> trustedCertificates() {
    return Optional.ofNullable(trustedCertificates);
  }

  public int maxConnections() {
    return maxConnections;
  }

  /** Which attribute each item is written to (see {@link PublishingAttributes}). */
  PublishingAttributes publishing() {
    return publishing;
  }

  /** What is published and what a withdrawal does (see {@link PublishingRules}). */
  PublishingRules rules() {
    return rules;
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
        + "ms, trustedCertificates="
        + (trustedCertificates == null ? "none" : trustedCertificates)
        + ", maxConnections="
        + maxConnections
        + ", dataDir="
        + dataDir
        + ", "
        + publishing
        + ", "
        + rules
        + ']';
  }

  private static String resolvedPassword(String value) {
    if (value != null && value.startsWith("${ALIAS=") && value.endsWith("}")) {
      throw new IllegalArgumentException(
          BIND_PASSWORD
              + " names the password alias '"
              + value.substring("${ALIAS=".length(), value.length() - 1)
              + "', which the server did not resolve: create it with asadmin"
              + " create-password-alias");
    }
    return value;
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
