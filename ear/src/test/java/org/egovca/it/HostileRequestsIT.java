package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests against the deployed EAR: oversized, chunked, anonymous, DTD, entity expansion,
 * a huge batch, deeply nested ASN.1, malformed OCSP. Each is refused with a status or fault that
 * names the problem, before a parser has read it; afterwards the CA is unharmed: health answers
 * 200, the server log has no OutOfMemoryError, and an RA issues a certificate.
 *
 * <p>Anonymous callers: with client authentication <em>wanted</em> on the HTTPS listener they reach
 * the limits and are refused with 413; with it <em>needed</em> they are refused in the TLS
 * handshake. Either is accepted; a parsed answer never is.
 */
@ExtendWith(DeployedEar.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsIT {

  private static final String SOAP_PREFIX =
      "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
          + " xmlns:ra=\"http://egovca.org/ws/ra/v1\"><soapenv:Body>";
  private static final String SOAP_SUFFIX = "</soapenv:Body></soapenv:Envelope>";
  private static final String DTD_REFUSED =
      "the request contains a DTD (<!DOCTYPE …>): DTDs and entity declarations are not accepted";
  private static final String RA_LIMIT = "larger than 8 MiB (8388608 bytes)";

  @TempDir Path directory;

  @Test
  @Order(1)
  void anOversizedSoapRequestIsRefusedFromItsContentLengthWithoutBeingRead(CaServer server)
      throws Exception {
    // headers announcing 1 GiB, and no body at all: the answer comes anyway, and the connection
    // ends
    Exchange authenticated =
        Exchange.https(Tls.remoteRa(server), server, "/ws/RaService")
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("Content-Length", Long.toString(1L << 30))
            .send(out -> {});
    assertEquals(413, authenticated.status(), authenticated.text());
    assertTrue(authenticated.text().contains(RA_LIMIT), authenticated.text());
    assertTrue(authenticated.text().contains("<faultcode>S:Client</faultcode>"));
    assertTrue(authenticated.announcesClose(), "the connection is not kept for another request");

    anonymouslyRefused(
        () ->
            Exchange.https(Tls.anonymous(server), server, "/ws/RaService")
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Content-Length", Long.toString(1L << 30))
                .send(out -> {}),
        RA_LIMIT);
  }

  @Test
  @Order(2)
  void anOversizedChunkedRequestIsCountedAndRefusedAtTheLimit(CaServer server) throws Exception {
    AtomicLong sent = new AtomicLong();
    Exchange chunked =
        Exchange.https(Tls.remoteRa(server), server, "/ws/RaService")
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("Transfer-Encoding", "chunked")
            .send(out -> writeChunks(out, 64L << 20, sent), sent);
    assertEquals(413, chunked.status(), chunked.text());
    assertTrue(chunked.text().contains(RA_LIMIT), chunked.text());
    assertTrue(chunked.announcesClose());
    // the refusal came once the limit was read (plus what the network buffers held), long
    // before the 64 MiB were sent
    assertTrue(
        chunked.sentAtAnswer() < 24L << 20,
        "answered only after " + chunked.sentAtAnswer() + " bytes were sent");

    anonymouslyRefused(
        () ->
            Exchange.https(Tls.anonymous(server), server, "/ws/RaService")
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Transfer-Encoding", "chunked")
                .send(out -> writeChunks(out, 64L << 20, new AtomicLong())),
        RA_LIMIT);
  }

  @Test
  @Order(3)
  void aBatchOfAHundredThousandElementsIsRefusedBeforeParsing(CaServer server) throws Exception {
    StringBuilder batch = new StringBuilder(SOAP_PREFIX).append("<ra:issueCertificates>");
    for (int i = 0; i < 100_000; i++) {
      batch.append("<request/>");
    }
    batch.append("</ra:issueCertificates>").append(SOAP_SUFFIX);
    HttpResponse<String> answer = soap(Tls.remoteRa(server), server, batch.toString());
    assertEquals(500, answer.statusCode());
    assertTrue(
        answer
            .body()
            .contains(
                "the request has more than 50000 XML elements, the most this service accepts"),
        answer.body());
  }

  @Test
  @Order(4)
  void aDtdIsRefusedWithAFaultThatSaysSoInUtf8AndUtf16(CaServer server) throws Exception {
    String withDtd =
        "<?xml version=\"1.0\"?>\n<!-- a comment first -->\n"
            + "<!DOCTYPE soapenv:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + SOAP_PREFIX
            + "<ra:listProfiles>&x;</ra:listProfiles>"
            + SOAP_SUFFIX;
    HttpResponse<String> utf8 = soap(Tls.remoteRa(server), server, withDtd);
    assertEquals(500, utf8.statusCode());
    assertTrue(utf8.body().contains(escaped(DTD_REFUSED)), utf8.body());

    ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
    utf16.write(0xFF);
    utf16.write(0xFE);
    utf16.writeBytes(
        withDtd
            .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
            .getBytes(StandardCharsets.UTF_16LE));
    HttpResponse<String> answer =
        client(Tls.remoteRa(server))
            .send(
                HttpRequest.newBuilder(URI.create(server.httpsBase() + "/ws/RaService"))
                    .header("Content-Type", "text/xml; charset=utf-16")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(utf16.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(500, answer.statusCode());
    assertTrue(answer.body().contains(escaped(DTD_REFUSED)), answer.body());
  }

  @Test
  @Order(5)
  void entityExpansionIsRefusedAndNeverExpanded(CaServer server) throws Exception {
    StringBuilder laughs =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        laughs.append("&lol").append(i - 1).append(';');
      }
      laughs.append("\">");
    }
    laughs
        .append("]>")
        .append(SOAP_PREFIX)
        .append("<ra:issueCertificate><profile>&lol9;</profile></ra:issueCertificate>")
        .append(SOAP_SUFFIX);
    HttpResponse<String> answer = soap(Tls.remoteRa(server), server, laughs.toString());
    assertEquals(500, answer.statusCode());
    assertTrue(answer.body().contains(escaped(DTD_REFUSED)), answer.body());
  }

  @Test
  @Order(6)
  void aDeeplyNestedPkcs10InAValidCallIsMalformedRequest(CaServer server) throws Exception {
    byte[] nested = new byte[40_000]; // 10,000 indefinite-length SEQUENCEs and their end markers
    for (int i = 0; i < 10_000; i++) {
      nested[2 * i] = 0x30;
      nested[2 * i + 1] = (byte) 0x80;
    }
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=Nested,O=测试单位,C=CN",
                Base64.getEncoder().encodeToString(nested));
    assertEquals("MALFORMED_REQUEST", answer.faultCode(), answer.faultString());
    assertEquals(
        "pkcs10 is not a PKCS#10 request: the ASN.1 encoding is nested more than 64 levels deep",
        answer.faultString());
  }

  @Test
  @Order(7)
  void malformedAndOversizedOcspRequestsAreRefused(CaServer server) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI ocsp = URI.create(server.httpBase() + "/pki/ocsp");
    byte[] nested = new byte[40_000];
    for (int i = 0; i < 10_000; i++) {
      nested[2 * i] = 0x30;
      nested[2 * i + 1] = (byte) 0x80;
    }
    for (byte[] malformed :
        new byte[][] {"GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII), {0x30, 0x03}, nested}) {
      HttpResponse<byte[]> answer =
          http.send(
              HttpRequest.newBuilder(ocsp)
                  .header("Content-Type", "application/ocsp-request")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(malformed))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, answer.statusCode());
      assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(answer.body()).getStatus());
    }

    Exchange oversized =
        Exchange.http(server, "/pki/ocsp")
            .header("Content-Type", "application/ocsp-request")
            .header("Content-Length", Integer.toString(100_000))
            .send(out -> {});
    assertEquals(413, oversized.status());
    assertEquals(
        "the request body is larger than 64 KiB (65536 bytes), the limit of /pki/ocsp\n",
        oversized.text());
    assertTrue(oversized.announcesClose());

    HttpResponse<String> longGet =
        http.send(
            HttpRequest.newBuilder(URI.create(ocsp + "/" + "A".repeat(5000))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(414, longGet.statusCode());
    assertTrue(longGet.body().contains("at most 4096 characters"), longGet.body());
  }

  @Test
  @Order(8)
  void anOversizedUploadToTheConsoleIsRefusedWithoutBeingRead(CaServer server) throws Exception {
    anonymouslyRefused(
        () ->
            Exchange.https(Tls.anonymous(server), server, "/ra/applications.xhtml")
                .header("Content-Type", "multipart/form-data; boundary=x")
                .header("Content-Length", Long.toString(100L << 20))
                .send(out -> {}),
        "larger than 26 MiB (27262976 bytes)");
  }

  @Test
  @Order(9)
  void theReferenceReceiverRefusesOversizedRequestsAndDtds(ReferenceReceiver receiver)
      throws Exception {
    URI endpoint = URI.create(receiver.endpoint());
    Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
    socket.setSoTimeout(30_000);
    Exchange oversized =
        new Exchange(socket, endpoint.getHost() + ":" + endpoint.getPort(), endpoint.getPath())
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("Content-Length", Long.toString(100L << 20))
            .send(out -> {});
    assertEquals(413, oversized.status(), oversized.text());
    assertTrue(oversized.text().contains("larger than 64 MiB (67108864 bytes)"), oversized.text());

    HttpResponse<String> dtd =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM"
                                + " \"file:///etc/passwd\">]><x>&e;</x>"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(500, dtd.statusCode());
    assertTrue(dtd.body().contains(escaped(DTD_REFUSED)), dtd.body());
  }

  /**
   * The review's slow bodies: more anonymous OCSP posts than the public listener has threads, each
   * declaring 64 KiB and sending a byte every two seconds. Each is refused with 408 once its 10 s
   * are up, and meanwhile an RA issues a certificate over the HTTPS listener within seconds.
   */
  @Test
  @Order(11)
  void slowAnonymousBodiesAreRefusedInTimeAndDoNotStopTheRa(CaServer server) throws Exception {
    int slow = 40; // the public listener works on 32 requests at once
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(slow);
    try {
      java.util.List<CompletableFuture<long[]>> trickles = new java.util.ArrayList<>();
      for (int i = 0; i < slow; i++) {
        trickles.add(
            CompletableFuture.supplyAsync(
                () -> {
                  long started = System.nanoTime();
                  try {
                    Exchange answer =
                        Exchange.http(server, "/pki/ocsp")
                            .header("Content-Type", "application/ocsp-request")
                            .header("Content-Length", "65536")
                            .send(HostileRequestsIT::trickle);
                    return new long[] {
                      answer.status(), (System.nanoTime() - started) / 1_000_000, 0
                    };
                  } catch (Exception e) {
                    return new long[] {-1, (System.nanoTime() - started) / 1_000_000, 0};
                  }
                },
                clients));
      }
      Thread.sleep(3_000); // every slow client has a thread or waits for one

      long started = System.nanoTime();
      RaSoapClient.Answer issued =
          new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
              .issueCertificate(
                  "personal-sign",
                  "CN=Despite The Trickle,O=测试单位,C=CN",
                  TestRequests.sm2(directory, "trickle"));
      long issuedMillis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(issued.issued(), issued.faultCode() + ": " + issued.faultString());
      assertTrue(issuedMillis < 10_000, "the RA waited " + issuedMillis + " ms");

      for (CompletableFuture<long[]> trickle : trickles) {
        long[] outcome = trickle.get(90, TimeUnit.SECONDS);
        assertEquals(408, outcome[0], "a slow body was answered " + outcome[0]);
        // 10 s for its own body; those that waited for a thread waited one such turn
        assertTrue(outcome[1] < 30_000, "a slow body held on for " + outcome[1] + " ms");
      }
    } finally {
      clients.shutdownNow();
    }
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
  }

  /**
   * SOAP bodies whose encoding the DTD check cannot follow are refused before any parser sees them:
   * an MTOM message whose root part is UTF-16 with a DTD, and an EBCDIC body.
   */
  @Test
  @Order(10)
  void soapInAnEncodingTheCheckCannotFollowIsRefusedWith415(CaServer server) throws Exception {
    String accepts = "this service accepts text/xml or application/soap+xml";
    ByteArrayOutputStream mtom = new ByteArrayOutputStream();
    mtom.writeBytes(
        "--b\r\nContent-Type: application/xop+xml; charset=UTF-16; type=\"text/xml\"\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    mtom.writeBytes(
        ("<!DOCTYPE x [<!ENTITY e \"e\">]>" + SOAP_PREFIX + "<ra:listProfiles/>" + SOAP_SUFFIX)
            .getBytes(StandardCharsets.UTF_16));
    mtom.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> multipart =
        client(Tls.remoteRa(server))
            .send(
                HttpRequest.newBuilder(URI.create(server.httpsBase() + "/ws/RaService"))
                    .header(
                        "Content-Type",
                        "multipart/related; type=\"application/xop+xml\"; boundary=b;"
                            + " start-info=\"text/xml\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mtom.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(415, multipart.statusCode(), multipart.body());
    assertTrue(
        multipart
            .body()
            .contains("the request's Content-Type is \"multipart/related\": " + accepts),
        multipart.body());

    byte[] ebcdic =
        ("<?xml version=\"1.0\" encoding=\"IBM037\"?><!DOCTYPE x []>"
                + SOAP_PREFIX
                + "<ra:listProfiles/>"
                + SOAP_SUFFIX)
            .getBytes(java.nio.charset.Charset.forName("IBM037"));
    HttpResponse<String> detected =
        client(Tls.remoteRa(server))
            .send(
                HttpRequest.newBuilder(URI.create(server.httpsBase() + "/ws/RaService"))
                    .header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ebcdic))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(415, detected.statusCode(), detected.body());
    assertTrue(
        detected.body().contains("the request body does not begin with '&lt;' in UTF-8"),
        detected.body());
  }

  @Test
  @Order(12)
  void afterwardsTheCaIsUnharmed(CaServer server) throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());

    Path logs = server.home().resolve("domains/egovca/logs");
    try (Stream<Path> files = Files.list(logs)) {
      for (Path log :
          files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
        assertFalse(
            // The error's class name, not the JVM option -XX:+ExitOnOutOfMemoryError the log lists
            Files.readString(log, StandardCharsets.ISO_8859_1)
                .contains("java.lang.OutOfMemoryError"),
            log + " reports an OutOfMemoryError");
      }
    }

    RaSoapClient.Answer issued =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=After The Storm,O=测试单位,C=CN",
                TestRequests.sm2(directory, "unharmed"));
    assertTrue(issued.issued(), issued.faultCode() + ": " + issued.faultString());
  }

  // ------------------------------------------------------------------------------------------

  /**
   * An anonymous caller is refused in the TLS handshake (client authentication needed) or by the
   * limit before parsing (413 naming it); a parsed answer fails the test.
   */
  private static void anonymouslyRefused(ExchangeCall call, String limit) throws Exception {
    Exchange answer;
    try {
      answer = call.run();
    } catch (SSLException refusedInTheHandshake) {
      return;
    }
    if (answer.status() == 0) {
      return; // the connection was closed during the handshake, before any HTTP
    }
    assertTrue(
        answer.status() == 413 || answer.status() == 403,
        "an anonymous request got " + answer.status() + ": " + answer.text());
    if (answer.status() == 413) {
      assertTrue(answer.text().contains(limit), answer.text());
    }
  }

  @FunctionalInterface
  private interface ExchangeCall {
    Exchange run() throws Exception;
  }

  /** A byte every two seconds, until the server closes the connection (at most two minutes). */
  private static void trickle(OutputStream out) throws IOException {
    for (int i = 0; i < 60; i++) {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      out.write('a');
      out.flush();
    }
  }

  private static void writeChunks(OutputStream out, long total, AtomicLong sent)
      throws IOException {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'a');
    byte[] header =
        (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    for (long written = 0; written < total; written += chunk.length) {
      out.write(header);
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      sent.addAndGet(chunk.length);
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static HttpResponse<String> soap(SSLContext tls, CaServer server, String envelope)
      throws Exception {
    return client(tls)
        .send(
            HttpRequest.newBuilder(URI.create(server.httpsBase() + "/ws/RaService"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static String escaped(String text) {
    return text.replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * One HTTP/1.1 request written by hand on a socket, so that a test controls what is sent and when
   * (headers without the announced body, an endless chunked body) and sees whether the server
   * closes the connection. The body is written by another thread while the answer is read.
   */
  private static final class Exchange {
    private final Socket socket;
    private final String host;
    private final String path;
    private final StringBuilder headers = new StringBuilder();
    private int status;
    private String text = "";
    private boolean announcesClose;
    private long sentAtAnswer;

    private Exchange(Socket socket, String host, String path) {
      this.socket = socket;
      this.host = host;
      this.path = path;
    }

    static Exchange https(SSLContext tls, CaServer server, String path) throws IOException {
      URI base = URI.create(server.httpsBase());
      SSLSocket socket =
          (SSLSocket) tls.getSocketFactory().createSocket(base.getHost(), base.getPort());
      socket.setSoTimeout(30_000);
      socket.startHandshake();
      return new Exchange(socket, base.getHost() + ":" + base.getPort(), path);
    }

    static Exchange http(CaServer server, String path) throws IOException {
      URI base = URI.create(server.httpBase());
      Socket socket = new Socket(base.getHost(), base.getPort());
      socket.setSoTimeout(30_000);
      return new Exchange(socket, base.getHost() + ":" + base.getPort(), path);
    }

    Exchange header(String name, String value) {
      headers.append(name).append(": ").append(value).append("\r\n");
      return this;
    }

    @FunctionalInterface
    interface Body {
      void write(OutputStream out) throws IOException;
    }

    /** Sends the request, writes the body alongside, and reads the answer. */
    Exchange send(Body body) throws Exception {
      return send(body, new AtomicLong());
    }

    /** As {@link #send(Body)}, noting how much {@code sent} says was written when it answered. */
    Exchange send(Body body, AtomicLong sent) throws Exception {
      try (socket) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        CompletableFuture<Void> writing =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    body.write(out);
                  } catch (IOException closedByTheServer) {
                    // expected once the server has answered and closed the connection
                  }
                });
        read(socket.getInputStream());
        sentAtAnswer = sent.get();
        socket.close(); // whatever the server still reads of the body is not our concern here
        try {
          writing.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException stoppedByTheClose) {
          // the writer ends when the socket closes
        }
      }
      return this;
    }

    private void read(InputStream in) throws IOException {
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      try {
        while ((read = in.read(buffer)) != -1) {
          received.write(buffer, 0, read);
          String so = received.toString(StandardCharsets.UTF_8);
          int end = so.indexOf("\r\n\r\n");
          if (end >= 0 && complete(so, end)) {
            break;
          }
        }
      } catch (java.net.SocketException reset) {
        // a reset after the answer still leaves the answer readable
      }
      String answer = received.toString(StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      if (!answer.startsWith("HTTP/1.1 ") || end < 0) {
        status = 0; // closed without an HTTP answer (refused in the TLS handshake)
        text = answer;
        return;
      }
      status = Integer.parseInt(answer.substring(9, 12));
      text = answer.substring(end + 4);
      announcesClose =
          answer.substring(0, end).toLowerCase(java.util.Locale.ROOT).contains("connection: close");
    }

    private static boolean complete(String answer, int headerEnd) {
      String head = answer.substring(0, headerEnd).toLowerCase(java.util.Locale.ROOT);
      int at = head.indexOf("content-length:");
      if (at < 0) {
        return false;
      }
      int length = Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
      return answer.getBytes(StandardCharsets.UTF_8).length - headerEnd - 4 >= length;
    }

    int status() {
      return status;
    }

    String text() {
      return text;
    }

    boolean announcesClose() {
      return announcesClose;
    }

    long sentAtAnswer() {
      return sentAtAnswer;
    }
  }
}
