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

/**
 * The reference receiver of the sync interface ({@code sync-receiver}), deployed on the test's
 * Payara beside the EAR, as an e-gov system would run it: it trusts the CA chains of this run's CA
 * (one file per CA identifier) and keeps what it receives in its own folder. Tests switch it off
 * and on to make the e-gov system unreachable, and read back what it holds.
 */
public final class ReferenceReceiver {

  static final String NAME = "sync-receiver";

  private final EarLauncher launcher;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private ReferenceReceiver(EarLauncher launcher, String base) {
    this.launcher = launcher;
    this.base = base;
  }

  /** Deploys the receiver, trusting the SM2 CA ({@code iFutureCA}) and the RSA CA. */
  public static ReferenceReceiver deploy(EarLauncher launcher, CaServer server) {
    try {
      Path home = server.home().resolve("receiver");
      Path trust = Files.createDirectories(home.resolve("trust"));
      Path store = Files.createDirectories(home.resolve("store"));
      List<String> chain = pemBlocks(Files.readString(server.caChainPem()));
      Files.writeString(trust.resolve("iFutureCA.pem"), String.join("", chain));
      Files.writeString(
          trust.resolve("iFutureCA-RSA.pem"),
          Files.readString(server.tlsCaPem()) + chain.get(chain.size() - 1));
      launcher.asadmin(
          "create-system-properties",
          "egovca.receiver.trustDir=" + trust + ":egovca.receiver.storeDir=" + store);
      launcher.asadmin(
          "deploy",
          "--name",
          NAME,
          "--contextroot",
          "/" + NAME,
          Path.of("target/receiver/sync-receiver.war").toAbsolutePath().toString());
      return new ReferenceReceiver(launcher, server.httpBase() + "/" + NAME);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("cannot deploy the reference receiver", e);
    }
  }

  /** The sync endpoint, as an e-gov system registers it with the CA. */
  public String endpoint() {
    return base + "/CertificateSyncService";
  }

  /** Makes the e-gov system unreachable (the application stays disabled across restarts). */
  public void stop() throws IOException, InterruptedException {
    launcher.asadmin("disable", NAME);
  }

  public void start() throws IOException, InterruptedException {
    launcher.asadmin("enable", NAME);
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
