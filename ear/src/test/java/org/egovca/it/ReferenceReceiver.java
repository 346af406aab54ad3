package org.egovca.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A reference receiver of the sync interface ({@code sync-receiver}), deployed on the test's Payara
 * beside the EAR, as an e-gov system would run it: it serves one e-gov system (its name and
 * application unit, as registered at the CA, given as context parameters of the deployed
 * application), trusts the CA chains of this run's CA (one file per CA name) and keeps what it
 * receives in its own folder. Several can run side by side, one per e-gov system. Tests switch one
 * off and on to make its e-gov system unreachable, and read back what it holds.
 */
public final class ReferenceReceiver {

  /** The receiver every run deploys: the application's name and context root. */
  static final String NAME = "sync-receiver";

  /** The e-gov system the default receiver serves, and its application unit. */
  static final String SYSTEM = "sync-a";

  static final String UNIT = "SYNC-A";

  private final EarLauncher launcher;
  private final String name;
  private final String base;
  private final String httpsBase;
  private final Path store;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * The HTTPS listener the receivers answer on: on loopback, with the server's TLS certificate, and
   * without client authentication, as an e-gov system's own server would be (the CA's HTTPS
   * listener demands a client certificate, which the CA's sync client does not present).
   */
  private static final String LISTENER = "receivers-https";

  private ReferenceReceiver(
      EarLauncher launcher, String name, CaServer server, Path store, int httpsPort) {
    this.launcher = launcher;
    this.name = name;
    this.base = server.httpBase() + "/" + name;
    this.httpsBase = "https://localhost:" + httpsPort + "/" + name;
    this.store = store;
  }

  /** Creates {@link #LISTENER} once per server; its port is the server's HTTPS port plus two. */
  private static int httpsListener(EarLauncher launcher, CaServer server)
      throws IOException, InterruptedException {
    int port = URI.create(server.httpsBase()).getPort() + 2;
    try (java.net.Socket probe = new java.net.Socket()) {
      probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      return port;
    } catch (IOException notYetThere) {
      // created below
    }
    launcher.asadmin(
        "create-http-listener",
        "--listeneraddress",
        "127.0.0.1",
        "--listenerport",
        Integer.toString(port),
        "--defaultvs",
        "server",
        "--securityenabled=true",
        LISTENER);
    launcher.asadmin(
        "set",
        "configs.config.server-config.network-config.protocols.protocol."
            + LISTENER
            + ".ssl.cert-nickname=egovca-tls");
    launcher.asadmin(
        "set",
        "configs.config.server-config.network-config.protocols.protocol."
            + LISTENER
            + ".ssl.client-auth-enabled=false");
    return port;
  }

  /** Deploys the default receiver, for {@link #SYSTEM} of {@link #UNIT}. */
  public static ReferenceReceiver deploy(EarLauncher launcher, CaServer server) {
    return deploy(launcher, server, NAME, SYSTEM, UNIT);
  }

  /**
   * Deploys a receiver as application {@code name} (context root {@code /name}) for the e-gov
   * system {@code system} of unit {@code unit}, trusting the SM2 CA ({@code iFutureCA}) and the RSA
   * CA. Its settings are context parameters, set while it is still disabled so that it starts with
   * them.
   */
  public static ReferenceReceiver deploy(
      EarLauncher launcher, CaServer server, String name, String system, String unit) {
    try {
      Path home = server.home().resolve("receiver").resolve(name);
      Path trust = Files.createDirectories(home.resolve("trust"));
      Path store = Files.createDirectories(home.resolve("store"));
      List<String> chain = pemBlocks(Files.readString(server.caChainPem()));
      Files.writeString(trust.resolve("iFutureCA.pem"), String.join("", chain));
      Files.writeString(
          trust.resolve("iFutureCA-RSA.pem"),
          Files.readString(server.tlsCaPem()) + chain.get(chain.size() - 1));
      launcher.asadmin(
          "deploy",
          "--enabled=false",
          "--name",
          name,
          "--contextroot",
          "/" + name,
          Path.of("target/receiver/sync-receiver.war").toAbsolutePath().toString());
      Map<String, String> settings =
          Map.of(
              "egovca.receiver.systemName",
              system,
              "egovca.receiver.applicationUnit",
              unit,
              "egovca.receiver.trustDir",
              trust.toString(),
              "egovca.receiver.storeDir",
              store.toString());
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        launcher.asadmin(
            "set-web-context-param",
            "--name",
            setting.getKey(),
            "--value",
            setting.getValue(),
            name);
      }
      launcher.asadmin("enable", name);
      return new ReferenceReceiver(launcher, name, server, store, httpsListener(launcher, server));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("cannot deploy the reference receiver " + name, e);
    }
  }

  /** The sync endpoint over plain HTTP, as a test system an administrator allowed it for. */
  public String endpoint() {
    return base + "/CertificateSyncService";
  }

  /**
   * The sync endpoint over HTTPS, on a listener of its own without client authentication, with the
   * server's certificate (issued by the CA's RSA CA).
   */
  public String httpsEndpoint() {
    return httpsBase + "/CertificateSyncService";
  }

  /** The file in which the receiver keeps the message {@code messageId} it applied. */
  public Path storedMessage(String messageId) {
    return store.resolve("messages").resolve(messageId + ".sync");
  }

  /** Makes the e-gov system unreachable (the application stays disabled across restarts). */
  public void stop() throws IOException, InterruptedException {
    launcher.asadmin("disable", name);
  }

  public void start() throws IOException, InterruptedException {
    launcher.asadmin("enable", name);
  }

  /** What the receiver applied, in the order it arrived. */
  public List<JsonObject> messages() throws IOException, InterruptedException {
    return read("/api/messages");
  }

  /** The messages it refused (a bad signature, an unknown CA), with the fault code. */
  public List<JsonObject> rejections() throws IOException, InterruptedException {
    return read("/api/rejections");
  }

  /** The PEM blocks of {@code text}, each with its END line. */
  private static List<String> pemBlocks(String text) {
    String end = "-----END CERTIFICATE-----";
    List<String> blocks = new java.util.ArrayList<>();
    int start = 0;
    for (int at = text.indexOf(end); at >= 0; at = text.indexOf(end, start)) {
      blocks.add(text.substring(start, at + end.length()).strip() + "\n");
      start = at + end.length();
    }
    return blocks;
  }

  /** How many deliveries since the receiver started carried a message it already held. */
  public long duplicates() throws IOException, InterruptedException {
    try (JsonReader reader = Json.createReader(new StringReader(get("/api/duplicates")))) {
      return reader.readObject().getJsonNumber("duplicates").longValue();
    }
  }

  private List<JsonObject> read(String path) throws IOException, InterruptedException {
    try (JsonReader reader = Json.createReader(new StringReader(get(path)))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }
}
