package org.egovca.ldap.slapd;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;

/**
 * A real OpenLDAP master and slave for tests, as production runs them (docs/DIRECTORY.md): the
 * master (mdb, syncprov) takes the publisher's writes, the slave (mdb, syncrepl refreshAndPersist,
 * retrying every second) replicates them and serves anonymous readers. Both are Debian's {@code
 * slapd}, configured with a {@code slapd.conf} of their own in a temporary directory, on free
 * loopback ports.
 *
 * <ul>
 *   <li>The base entry, the publisher's account ({@link #bindDn()}, a random {@link
 *       #bindPassword()}) and the slave's replication account are loaded into the master with
 *       {@code slapadd} before it starts; neither directory has a rootdn password; the ACLs are
 *       those of the production sample: the publisher writes, the replicator reads all, everyone
 *       else reads all but passwords.
 *   <li>The master also listens for {@code ldaps://}, with a certificate from a throwaway CA
 *       ({@link #tlsCaCertificate()}).
 *   <li>{@link #stopMaster()} and {@link #startMaster()} simulate an outage of the master: same
 *       data, same port; the slave reconnects by itself.
 *   <li>{@link #close()} stops both and deletes the directory; a shutdown hook does the same if the
 *       JVM exits first, and each slapd stops by itself if the JVM dies (see {@link SlapdProcess}).
 * </ul>
 *
 * <pre>
 * try (SlapdPair directory = SlapdPair.start("o=iFutureCA,c=CN")) {
 *   publish to directory.masterUrl() as directory.bindDn() / directory.bindPassword() ...
 *   directory.slave().awaitValues("(cn=Alice)", "userCertificate;binary", v -&gt; v.size() == 1, ...);
 * }
 * </pre>
 */
public final class SlapdPair implements AutoCloseable {

  private static final Path MODULES = Path.of("/usr/lib/ldap");
  private static final Path SCHEMAS = Path.of("/etc/ldap/schema");
  private static final List<String> SCHEMA_FILES =
      List.of("core.schema", "cosine.schema", "inetorgperson.schema");
  private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(20);
  private static final int PORT_ATTEMPTS = 5;

  private final Path home;
  private final String baseDn;
  private final String bindDn;
  private final String bindPassword;
  private final String replicatorDn;
  private final String replicatorPassword;
  private final String rootDn;
  private final boolean durable;
  private final Thread shutdownHook;
  private TlsFiles tls;
  private SlapdProcess master;
  private SlapdProcess slave;

  private SlapdPair(String baseDn, boolean durable) throws IOException {
    requireInstalled();
    this.home = Files.createTempDirectory("slapd-pair");
    this.baseDn = baseDn;
    this.bindDn = "cn=publisher," + baseDn;
    this.bindPassword = randomSecret();
    this.replicatorDn = "cn=replicator," + baseDn;
    this.replicatorPassword = randomSecret();
    this.rootDn = "cn=admin," + baseDn;
    this.durable = durable;
    this.shutdownHook = new Thread(this::stopAll, "slapd-pair-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a master and a slave with the suffix {@code baseDn}, writing to disk as slapd does by
   * default (every commit synced).
   *
   * @param baseDn the suffix and base entry, named by {@code o}, {@code ou}, {@code dc} or {@code
   *     c}, e.g. {@code o=iFutureCA,c=CN}
   * @throws IllegalStateException when slapd is not installed or does not start
   */
  public static SlapdPair start(String baseDn) {
    return start(baseDn, true);
  }

  /**
   * Starts a master and a slave.
   *
   * @param durable false to run both databases with mdb's {@code dbnosync}: commits are not flushed
   *     to disk, as for a throwaway benchmark directory
   */
  public static SlapdPair start(String baseDn, boolean durable) {
    SlapdPair pair;
    try {
      pair = new SlapdPair(baseDn, durable);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the directories' temporary folder", e);
    }
    try {
      pair.startBoth();
      return pair;
    } catch (RuntimeException | IOException e) {
      pair.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Fails with a message saying what to install when slapd or its parts are missing. */
  static void requireInstalled() {
    boolean installed =
        Files.isExecutable(SlapdProcess.SLAPD)
            && Files.exists(MODULES.resolve("back_mdb.so"))
            && Files.exists(MODULES.resolve("syncprov.so"))
            && SCHEMA_FILES.stream().allMatch(file -> Files.exists(SCHEMAS.resolve(file)));
    if (!installed) {
      throw new IllegalStateException(
          "OpenLDAP's slapd with its mdb and syncprov modules and schemas is missing"
              + " (/usr/sbin/slapd, /usr/lib/ldap, /etc/ldap/schema):"
              + " install Debian slapd (apt-get install slapd ldap-utils)");
    }
    Ldapsearch.requireInstalled();
  }

  /** The master, where the publisher writes. */
  public URI masterUrl() {
    return master.url();
  }

  /**
   * The master over TLS ({@code ldaps://127.0.0.1:port}); its certificate chains to {@link
   * #tlsCaCertificate()} and names 127.0.0.1 but not {@code localhost}.
   */
  public URI masterLdapsUrl() {
    return master.ldapsUrl();
  }

  /** The PEM certificate of the CA that issued the master's TLS certificate. */
  public Path tlsCaCertificate() {
    return tls.caCertificate();
  }

  /** The slave, where relying parties read. */
  public URI slaveUrl() {
    return slave.url();
  }

  public String baseDn() {
    return baseDn;
  }

  /** The publisher's account on the master: it may write under the base. */
  public String bindDn() {
    return bindDn;
  }

  public String bindPassword() {
    return bindPassword;
  }

  /** ldapsearch against the slave, from the base. */
  public Ldapsearch slave() {
    return new Ldapsearch(slave.url(), baseDn);
  }

  /** ldapsearch against the master, from the base. */
  public Ldapsearch master() {
    return new Ldapsearch(master.url(), baseDn);
  }

  /** Stops the master, keeping its data and port for {@link #startMaster()}. */
  public void stopMaster() {
    master.stop();
  }

  /** Starts the master again after {@link #stopMaster()}; the slave catches up by itself. */
  public void startMaster() {
    master.start();
  }

  /** CPU time used so far by the master's slapd. */
  Duration masterCpuTime() {
    return master.cpuTime();
  }

  /** CPU time used so far by the slave's slapd. */
  Duration slaveCpuTime() {
    return slave.cpuTime();
  }

  /** Stops both directories and deletes their folder. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void stopAll() {
    if (slave != null) {
      slave.stop();
    }
    if (master != null) {
      master.stop();
    }
    deleteRecursively(home);
  }

  private void startBoth() throws IOException {
    Path masterHome = Files.createDirectories(home.resolve("master"));
    Path slaveHome = Files.createDirectories(home.resolve("slave"));
    Files.createDirectories(masterHome.resolve("data"));
    Files.createDirectories(slaveHome.resolve("data"));

    tls = TlsFiles.create(masterHome.resolve("tls"));
    Path masterConfig = writeConfig(masterHome, masterConfig(masterHome));
    load(masterConfig, masterHome.resolve("slapd.log"));
    master = startOnFreePort("master", masterConfig, true);
    slave = startOnFreePort("slave", writeConfig(slaveHome, slaveConfig(slaveHome)), false);
    // the base entry and the two accounts have reached the slave
    slave().awaitCount("(objectClass=*)", 3, REPLICA_TIMEOUT);
  }

  /** Loads the base entry and the publisher's account into the master's database (slapadd). */
  private void load(Path config, Path log) throws IOException {
    Path ldif = config.resolveSibling("base.ldif");
    Files.writeString(ldif, baseLdif(), StandardCharsets.UTF_8);
    Process slapadd =
        new ProcessBuilder(
                "/usr/sbin/slapadd", "-q", "-f", config.toString(), "-l", ldif.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      if (slapadd.waitFor() != 0) {
        throw new IllegalStateException(
            "slapadd failed with status "
                + slapadd.exitValue()
                + ": "
                + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while loading the base entry", e);
    }
  }

  /** Writes {@code slapd.conf}, readable by its owner only: it holds passwords. */
  private static Path writeConfig(Path folder, String config) throws IOException {
    Path file = folder.resolve("slapd.conf");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /**
   * Starts slapd on a port that was free a moment ago; another process may take it in between, so a
   * start that fails is retried on another port.
   */
  private static SlapdProcess startOnFreePort(String name, Path config, boolean ldaps)
      throws IOException {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      SlapdProcess process =
          new SlapdProcess(
              name, config, config.resolveSibling("slapd.log"), freePort(), ldaps ? freePort() : 0);
      try {
        process.start();
        return process;
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }

  /** The production sample's master (docs/DIRECTORY.md), in slapd.conf form. */
  private String masterConfig(Path folder) {
    return "TLSCACertificateFile "
        + tls.caCertificate()
        + "\nTLSCertificateFile "
        + tls.serverCertificate()
        + "\nTLSCertificateKeyFile "
        + tls.serverKey()
        + "\n"
        + common(folder, List.of("back_mdb", "syncprov"))
        + "overlay syncprov\n"
        + "syncprov-checkpoint 100 10\n"
        + "syncprov-sessionlog 10000\n"
        + "access to attrs=userPassword by self =xw by dn.exact=\""
        + replicatorDn
        + "\" read by anonymous auth by * none\n"
        + "access to * by dn.exact=\""
        + bindDn
        + "\" write by dn.exact=\""
        + replicatorDn
        + "\" read by * read\n"
        + "limits dn.exact=\""
        + replicatorDn
        + "\" time=unlimited size=unlimited\n";
  }

  /**
   * The production sample's slave: replicates as the replicator, serves readers, takes no writes.
   */
  private String slaveConfig(Path folder) {
    return common(folder, List.of("back_mdb"))
        + "syncrepl rid=001 provider="
        + master.url()
        + " type=refreshAndPersist retry=\"1 +\" timeout=5 network-timeout=2"
        + " searchbase=\""
        + baseDn
        + "\" bindmethod=simple binddn=\""
        + replicatorDn
        + "\" credentials="
        + replicatorPassword
        + "\n"
        + "updateref "
        + master.url()
        + "\n"
        + "access to attrs=userPassword by * none\n"
        + "access to * by * read\n";
  }

  /** What master and slave share: schemas, modules, an mdb database with the suffix. */
  private String common(Path folder, List<String> modules) {
    StringBuilder config = new StringBuilder();
    for (String schema : SCHEMA_FILES) {
      config.append("include ").append(SCHEMAS.resolve(schema)).append('\n');
    }
    config.append("modulepath ").append(MODULES).append('\n');
    for (String module : modules) {
      config.append("moduleload ").append(module).append('\n');
    }
    config
        .append("pidfile ")
        .append(folder.resolve("slapd.pid"))
        .append('\n')
        .append("argsfile ")
        .append(folder.resolve("slapd.args"))
        .append('\n')
        // relying parties and the tests list whole subtrees
        .append("sizelimit unlimited\n")
        .append("database mdb\n")
        .append("suffix \"")
        .append(baseDn)
        .append("\"\n")
        .append("rootdn \"")
        .append(rootDn)
        .append("\"\n")
        .append("directory ")
        .append(folder.resolve("data"))
        .append('\n')
        .append("maxsize 1073741824\n")
        .append(durable ? "" : "dbnosync\n")
        .append("index objectClass eq\n")
        .append("index cn eq\n")
        .append("index entryCSN,entryUUID eq\n");
    return config.toString();
  }

  private String baseLdif() {
    Rdn rdn;
    try {
      rdn = new Dn(baseDn).getRdn();
    } catch (LdapInvalidDnException e) {
      throw new IllegalArgumentException("Not a DN: " + baseDn, e);
    }
    String type = rdn.getType();
    String objectClass =
        switch (type.toLowerCase(Locale.ROOT)) {
          case "o" -> "organization";
          case "ou" -> "organizationalUnit";
          case "dc" -> "domain";
          case "c" -> "country";
          default -> throw new IllegalArgumentException("Cannot create a base named by " + type);
        };
    return "dn: "
        + baseDn
        + "\nobjectClass: top\nobjectClass: "
        + objectClass
        + "\n"
        + type
        + ": "
        + rdn.getValue()
        + "\n\n"
        + "dn: "
        + bindDn
        + "\nobjectClass: top\nobjectClass: applicationProcess\nobjectClass: simpleSecurityObject"
        + "\ncn: publisher\nuserPassword: "
        + bindPassword
        + "\n\n"
        + "dn: "
        + replicatorDn
        + "\nobjectClass: top\nobjectClass: applicationProcess\nobjectClass: simpleSecurityObject"
        + "\ncn: replicator\nuserPassword: "
        + replicatorPassword
        + "\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String randomSecret() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }
}
