package org.egovca.load;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.it.CaServer;
import org.egovca.it.EarLauncher;
import org.egovca.it.SyncThroughput;
import org.egovca.it.Tls;

/**
 * Load on the deployed EAR: starts the CA on Payara with a database of its own on the machine's
 * PostgreSQL server (dropped and created anew, owned by a role of its own, {@link
 * BenchmarkDatabase}), measures certificates issued per second through {@code RaService} (SM2 and
 * RSA one per request, SM2 in batches) and OCSP responses per second (cached and freshly signed,
 * SM2 and RSA), prints each figure with its ratio to the bare BouncyCastle SM2 certificate-signing
 * rate of the core benchmark, and stops the server. Settings are system properties {@code load.*}
 * (see {@link Settings}).
 */
public final class LoadHarness {

  private static final String PROFILE = "personal-sign";

  private final Settings settings;
  private final CaServer server;
  private final ThroughputMeter meter;
  private final long serverPid;
  private final Provider bc;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong holders = new AtomicLong();

  private LoadHarness(Settings settings, CaServer server, long serverPid, Provider bc) {
    this.settings = settings;
    this.server = server;
    this.serverPid = serverPid;
    this.bc = bc;
    this.meter =
        new ThroughputMeter(
            settings.threads(), settings.warmUp(), settings.measurement(), serverPid);
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    Provider bc = new BouncyCastleProvider();
    OptionalDouble reference = ReferenceRate.read(settings.jmhResult());
    // made before the server starts, so that making them competes with nothing measured
    HolderRequests requests = new HolderRequests(bc);
    List<String> sm2Requests = requests.sm2(256);
    List<String> rsaRequests = requests.rsa2048(32);

    EarLauncher launcher =
        new EarLauncher(
            settings.home(),
            settings.portBase(),
            settings.ldapPort(),
            BenchmarkDatabase.recreate(settings.database()));
    CaServer server = launcher.start();
    try {
      LoadHarness harness = new LoadHarness(settings, server, launcher.serverPid(), bc);
      List<Summary.Line> lines = harness.measureAll(sm2Requests, rsaRequests);
      new Summary(settings, reference).write(lines);
      double sync =
          SyncThroughput.measure(launcher, server, settings.syncMessages(), settings.threads());
      String line =
          String.format(
              "sync deliveries to the reference receiver (one queue, %d messages): %.0f/s"
                  + " (target >= 500/s)%n",
              settings.syncMessages(), sync);
      System.out.print(line);
      Files.writeString(settings.summary(), line, StandardOpenOption.APPEND);
    } finally {
      launcher.stop();
    }
  }

  private List<Summary.Line> measureAll(List<String> sm2Requests, List<String> rsaRequests)
      throws Exception {
    RaLoadClient ra = new RaLoadClient(Tls.remoteRa(server), server.httpsBase());
    X509CertificateHolder sm2Ca = caCertificate(server.caChainPem());
    X509CertificateHolder rsaCa = caCertificate(server.dataDirectory().resolve("tls-ca.pem"));
    BigInteger sm2Serial = issueAndCheck(ra, sm2Requests.get(0), sm2Ca);
    BigInteger rsaSerial = issueAndCheck(ra, rsaRequests.get(0), rsaCa);

    OcspLoad sm2Ocsp = new OcspLoad(server.httpBase(), bc, sm2Ca, sm2Serial);
    OcspLoad rsaOcsp = new OcspLoad(server.httpBase(), bc, rsaCa, rsaSerial);
    sm2Ocsp.checkFreshAnswer();
    rsaOcsp.checkFreshAnswer();
    List<Scenario> scenarios =
        List.of(
            new Scenario(
                "SM2 certificates, one per request",
                Summary.SM2_ONE_PER_REQUEST,
                thread -> () -> oneCertificate(ra, sm2Requests, thread)),
            new Scenario(
                "RSA-2048 certificates, one per request",
                null,
                thread -> () -> oneCertificate(ra, rsaRequests, thread)),
            new Scenario(
                "SM2 certificates, batches of " + settings.batchSize(),
                Summary.SM2_BATCHED,
                thread -> () -> batch(ra, sm2Requests, thread)),
            new Scenario(
                "OCSP cached (no nonce), SM2 CA", Summary.OCSP_CACHED, thread -> cached(sm2Ocsp)),
            new Scenario(
                "OCSP cached (no nonce), RSA CA", Summary.OCSP_CACHED, thread -> cached(rsaOcsp)),
            new Scenario(
                "OCSP fresh (nonce), SM2 CA", Summary.OCSP_FRESH_SM2, thread -> sm2Ocsp.fresh()),
            new Scenario("OCSP fresh (nonce), RSA CA", null, thread -> rsaOcsp.fresh()));

    // The server's code paths are compiled by the JIT during a first pass over every scenario, so
    // that the first figure measured is not also the one that pays for the server's warm-up.
    for (Scenario scenario : scenarios) {
      System.out.printf("[load] warming up: %s%n", scenario.name());
      meter.warmUp(scenario.operations());
    }
    List<Summary.Line> lines = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      lines.add(measure(scenario));
    }
    return lines;
  }

  /** One figure: what it measures, its target if it has one, and each client thread's call. */
  private record Scenario(
      String name, String target, IntFunction<ThroughputMeter.Operation> operations) {}

  private Summary.Line measure(Scenario scenario) throws Exception {
    long settled = ServerIdle.await(serverPid, Duration.ofMinutes(5));
    System.out.printf("[load] %s (server idle after %d s) ...%n", scenario.name(), settled);
    ThroughputMeter.Figure figure = meter.measure(scenario.name(), scenario.operations());
    System.out.printf(
        "[load]   %.1f/s, %d calls, %d errors%s; %s%n",
        figure.perSecond(),
        figure.calls(),
        figure.errors(),
        figure.firstError() == null ? "" : " (first: " + figure.firstError() + ")",
        figure.cpu());
    return new Summary.Line(figure, scenario.target());
  }

  private static ThroughputMeter.Operation cached(OcspLoad ocsp) {
    try {
      return ocsp.cached();
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the OCSP request", e);
    }
  }

  private int oneCertificate(RaLoadClient ra, List<String> requests, int thread) throws Exception {
    ra.issueCertificate(request(requests, thread));
    return 1;
  }

  private int batch(RaLoadClient ra, List<String> requests, int thread) throws Exception {
    List<RaLoadClient.Request> batch = new ArrayList<>(settings.batchSize());
    for (int i = 0; i < settings.batchSize(); i++) {
      batch.add(request(requests, thread));
    }
    return ra.issueCertificates(batch);
  }

  /** A request with a subject no holder has yet: the CA refuses a DN that is taken. */
  private RaLoadClient.Request request(List<String> requests, int thread) {
    long holder = holders.incrementAndGet();
    return new RaLoadClient.Request(
        PROFILE,
        "CN=Load " + run + " " + holder + ",O=Load Test,C=CN",
        requests.get((int) ((holder + thread) % requests.size())));
  }

  /** One certificate issued before the measurement, checked against its CA; OCSP asks about it. */
  private BigInteger issueAndCheck(RaLoadClient ra, String pkcs10, X509CertificateHolder ca)
      throws Exception {
    X509CertificateHolder certificate =
        new X509CertificateHolder(ra.issueCertificate(request(List.of(pkcs10), 0)));
    if (!certificate.isSignatureValid(
        new JcaContentVerifierProviderBuilder().setProvider(bc).build(ca))) {
      throw new IllegalStateException(
          "certificate " + certificate.getSerialNumber() + " is not signed by " + ca.getSubject());
    }
    return certificate.getSerialNumber();
  }

  private X509CertificateHolder caCertificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return new X509CertificateHolder(
          ((X509Certificate) CertificateFactory.getInstance("X.509", bc).generateCertificate(in))
              .getEncoded());
    }
  }
}
