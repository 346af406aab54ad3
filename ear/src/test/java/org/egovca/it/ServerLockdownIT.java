package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.ldap.slapd.SlapdPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing listens that need not, nothing is readable that should not be: the running instance, as
 * {@code ear/bin/egovca start} left it, seen from outside with the tools an administrator would use
 * ({@code ss}, {@code ps}, file permissions, asadmin, a TLS client).
 */
@ExtendWith(DeployedEar.class)
class ServerLockdownIT {

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static final Pattern LISTENER =
      Pattern.compile("^LISTEN\\s+\\S+\\s+\\S+\\s+(\\S+):(\\d+)\\s+\\S+\\s+users:\\((.*)\\)\\s*$");

  @Test
  void onlyHttpAndHttpsListenBeyondLoopback(CaServer server) throws Exception {
    int http = URI.create(server.httpBase()).getPort();
    int https = URI.create(server.httpsBase()).getPort();
    Set<Long> instance = Set.of(server.serverPid(), server.databasePid());
    List<String> seen = new ArrayList<>();
    List<String> exposed = new ArrayList<>();
    String sockets = Commands.ok(Path.of("."), "ss", "-ltnpH");
    for (String line : sockets.split("\n")) {
      Matcher listener = LISTENER.matcher(line.strip());
      if (!listener.matches() || !ofProcesses(listener.group(3), instance)) {
        continue;
      }
      String address = listener.group(1);
      int port = Integer.parseInt(listener.group(2));
      seen.add(address + ":" + port);
      if (!loopback(address) && port != http && port != https) {
        exposed.add(line.strip());
      }
    }
    int database = URI.create(server.jdbcUrl().substring("jdbc:".length())).getPort();
    assertTrue(seen.contains("127.0.0.1:" + database), "the database on loopback: " + seen);
    assertTrue(exposed.isEmpty(), "listening beyond loopback: " + exposed);
  }

  @Test
  void theDatabaseHasNoUnixSocket(CaServer server) throws Exception {
    String sockets = Commands.ok(Path.of("."), "ss", "-lxpH");
    assertFalse(
        sockets.contains("pid=" + server.databasePid() + ","),
        "the embedded PostgreSQL server listens on a unix socket: " + sockets);
  }

  @Test
  void noFileOfTheInstanceIsOpenToOtherAccounts(CaServer server) throws Exception {
    assertEquals(
        Set.of(), openToOthers(server.home()), "the instance directory itself must be owner-only");
    List<Path> open = new ArrayList<>();
    for (Path tree :
        List.of(
            server.home().resolve("domains"),
            server.home().resolve("secrets"),
            server.dataDirectory(),
            server.databaseCluster().toRealPath())) {
      try (Stream<Path> files = Files.walk(tree)) {
        files
            .filter(file -> !Files.isSymbolicLink(file))
            .filter(file -> !openToOthers(file).isEmpty())
            .forEach(open::add);
      }
    }
    assertTrue(open.isEmpty(), "readable, writable or searchable by other accounts: " + open);
  }

  @Test
  void theAdminListenerRefusesCallersWithoutThePassword(CaServer server, @TempDir Path home)
      throws Exception {
    HttpClient trustAny = HttpClient.newBuilder().sslContext(trustAnyServer()).build();
    HttpResponse<String> rest =
        trustAny.send(
            HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.adminPort() + "/management/domain"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, rest.statusCode(), rest.body());

    // asadmin with no credentials (and a home of its own: no saved login to fall back on)
    ProcessBuilder asadmin =
        new ProcessBuilder(
                Path.of("target/payara6/bin/asadmin").toAbsolutePath().toString(),
                "--port",
                Integer.toString(server.adminPort()),
                "--interactive=false",
                "list-applications")
            .redirectErrorStream(true);
    asadmin.environment().put("HOME", home.toString());
    asadmin.environment().keySet().removeIf(name -> name.startsWith("AS_ADMIN"));
    Process process = asadmin.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertNotEquals(0, process.waitFor(), output);
    assertFalse(output.contains("egov-ca"), output);
  }

  @Test
  void theApplicationsDatabaseRoleOwnsItsDatabaseAndIsNoSuperuser(CaServer server)
      throws Exception {
    try (Connection connection = server.database();
        Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb,"
                    + " pg_get_userbyid(d.datdba) = current_user"
                    + " FROM pg_roles r, pg_database d"
                    + " WHERE r.rolname = current_user AND d.datname = current_database()")) {
      assertTrue(role.next());
      assertFalse(role.getBoolean(1), "superuser");
      assertFalse(role.getBoolean(2), "may create roles");
      assertFalse(role.getBoolean(3), "may create databases");
      assertTrue(role.getBoolean(4), "owns the CA's database");
    }
    // the bootstrap superuser exists for maintenance, behind its own generated password
    try (Connection superuser = server.databaseAsSuperuser()) {
      assertTrue(superuser.isValid(5));
    }
    assertThrows(
        SQLException.class,
        () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close());
  }

  /**
   * The database and LDAP bind passwords are Payara password aliases: in no configuration file of
   * the domain and on no command line in clear, and yet the CA publishes (the directory tests) and
   * reaches its database.
   */
  @Test
  void thePasswordsAreInNoConfigurationFileOrCommandLine(CaServer server, SlapdPair directory)
      throws Exception {
    String databasePassword =
        Files.readString(server.home().resolve("secrets/database.password")).strip();
    String bindPassword = directory.bindPassword();
    List<Path> revealing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(server.home().resolve("domains/egovca/config"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (content.contains(databasePassword) || content.contains(bindPassword)) {
          revealing.add(file);
        }
      }
    }
    assertTrue(revealing.isEmpty(), "a password in clear in " + revealing);
    String arguments =
        Commands.ok(Path.of("."), "ps", "-o", "args=", "-p", Long.toString(server.serverPid()));
    assertFalse(arguments.contains(databasePassword), "the database password on the command line");
    assertFalse(arguments.contains(bindPassword), "the bind password on the command line");
    try (Connection connection = server.database()) {
      assertTrue(connection.isValid(5));
    }
  }

  @Test
  void theServerJvmHasABoundedHeapAndEndsOnOutOfMemory(CaServer server) throws Exception {
    String arguments =
        Commands.ok(Path.of("."), "ps", "-o", "args=", "-p", Long.toString(server.serverPid()));
    assertTrue(arguments.matches("(?s).*\\s-Xmx\\d+[kmgKMG]?\\s.*"), arguments);
    assertTrue(arguments.contains(" -XX:+ExitOnOutOfMemoryError "), arguments);
  }

  @Test
  void postgresqlIsASeparateProcessNotRunningAsRoot(CaServer server) throws Exception {
    long database = server.databasePid();
    assertNotEquals(server.serverPid(), database);
    Path executable = Files.readSymbolicLink(Path.of("/proc", Long.toString(database), "exe"));
    assertEquals("postgres", executable.getFileName().toString(), executable.toString());
    String status = Files.readString(Path.of("/proc", Long.toString(database), "status"));
    Matcher uid = Pattern.compile("(?m)^Uid:\\s+(\\d+)").matcher(status);
    assertTrue(uid.find(), status);
    assertNotEquals("0", uid.group(1), "PostgreSQL runs as root");
  }

  @Test
  void aClientWithoutCertificateIsRefusedInTheTlsHandshake(CaServer server) throws Exception {
    Tls.refusedInHandshake(server, "GET /pki/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    HttpResponse<String> withCertificate =
        HttpClient.newBuilder()
            .sslContext(Tls.remoteRa(server))
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpsBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, withCertificate.statusCode(), withCertificate.body());
  }

  /**
   * The HTTPS listener trusts the CA's RSA TLS CA, the anchor of operators', RA and e-gov systems'
   * client certificates, and nothing else: not the public root CAs of Payara's own trust store
   * ({@code cacerts.p12}), which the listener used before it had a trust store of its own. OpenSSL
   * sees the listener name that CA alone as acceptable issuer of client certificates; a client that
   * presents a certificate of a CA the server does not know is refused in the TLS handshake; the RA
   * client's certificate still works.
   */
  @Test
  void theHttpsListenerTrustsTheTlsCaAndNothingElse(CaServer server, @TempDir Path work)
      throws Exception {
    URI https = URI.create(server.httpsBase());
    String handshake =
        Commands.run(
                work,
                "openssl",
                "s_client",
                "-connect",
                https.getHost() + ":" + https.getPort(),
                "-CAfile",
                server.tlsCaPem().toString())
            .output();
    String tlsCa =
        Commands.ok(
                work, "openssl", "x509", "-in", server.tlsCaPem().toString(), "-noout", "-subject")
            .strip()
            .substring("subject=".length());
    assertEquals(List.of(tlsCa), acceptableClientIssuers(handshake), handshake);

    KeyPair unknownCaKeys = rsa();
    X509Certificate unknownCa =
        certificate(
            "CN=Unknown CA,O=Nobody", unknownCaKeys, "CN=Unknown CA,O=Nobody", unknownCaKeys, true);
    KeyPair clientKeys = rsa();
    X509Certificate client =
        certificate(
            "CN=intruder,O=Nobody", clientKeys, "CN=Unknown CA,O=Nobody", unknownCaKeys, false);
    AlwaysPresents credential =
        new AlwaysPresents(clientKeys.getPrivate(), new X509Certificate[] {client, unknownCa});
    SSLContext intruder = SSLContext.getInstance("TLS");
    intruder.init(new KeyManager[] {credential}, trustingTheTlsCa(server).getTrustManagers(), null);
    String refusal =
        Tls.refusedInHandshake(
            server, intruder, "GET /pki/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertTrue(credential.presented, "the client was never asked for its certificate: " + refusal);

    HttpResponse<String> remoteRa =
        HttpClient.newBuilder()
            .sslContext(Tls.remoteRa(server))
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpsBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, remoteRa.statusCode(), remoteRa.body());
  }

  /** The names {@code openssl s_client} lists under "Acceptable client certificate CA names". */
  private static List<String> acceptableClientIssuers(String handshake) {
    List<String> names = new ArrayList<>();
    boolean listing = false;
    for (String line : handshake.split("\n")) {
      if (line.startsWith("Acceptable client certificate CA names")) {
        listing = true;
      } else if (listing
          && (line.startsWith("Requested Signature Algorithms")
              || line.startsWith("Client Certificate Types")
              || line.startsWith("Shared Requested Signature Algorithms")
              || line.startsWith("---"))) {
        break;
      } else if (listing) {
        names.add(line.strip());
      }
    }
    return names;
  }

  private static TrustManagerFactory trustingTheTlsCa(CaServer server) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("egovca-tls-ca", Tls.certificate(server.tlsCaPem()));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    return factory;
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(
      String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean ca)
      throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(1))),
            new X500Name(subject),
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    if (!ca) {
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
  }

  /**
   * Presents its certificate whatever issuers the server asks for: JSSE's own key managers offer
   * only certificates of the issuers the server names, and would present none here, which is not
   * what this test is about.
   */
  private static final class AlwaysPresents extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final PrivateKey key;
    private final X509Certificate[] chain;
    volatile boolean presented;

    AlwaysPresents(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      presented = true;
      return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      presented = true;
      return ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }
  }

  private static boolean ofProcesses(String users, Set<Long> pids) {
    Matcher pid = Pattern.compile("pid=(\\d+)").matcher(users);
    while (pid.find()) {
      if (pids.contains(Long.parseLong(pid.group(1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean loopback(String address) {
    return address.equals("127.0.0.1")
        || address.equals("[::1]")
        || address.equals("[::ffff:127.0.0.1]");
  }

  private static Set<PosixFilePermission> openToOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions =
          new HashSet<>(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
      permissions.retainAll(GROUP_OR_OTHERS);
      return permissions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The admin listener's own certificate is not what this test is about: any is accepted (an
   * extended trust manager, so that no host name check is added either).
   */
  private static SSLContext trustAnyServer() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {}

            @Override
            public void checkClientTrusted(
                X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}

            @Override
            public void checkServerTrusted(
                X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return context;
  }
}
