package org.egovca.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The filter in a real servlet container (Jetty), with clients on real sockets that send their
 * bodies as slowly, or in whatever form, a hostile client would.
 */
class RequestLimitFilterTest {

  private static final String SOAP =
      "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><x/></s:Body>"
          + "</s:Envelope>";

  private Server server;
  private int port;
  private final AtomicInteger served = new AtomicInteger();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aBodyTricklingInIsRefusedWith408OnceItsTimeIsUpAndTheConnectionIsClosed() throws Exception {
    serve(RequestLimitFilter.Kind.BINARY, 65_536, deadline(1, 16 * 1024), Duration.ofSeconds(30));
    // the review's attack: 64 KiB declared, one byte at a time
    Answer answer =
        post("/pki/ocsp", "application/ocsp-request", 65_536, Trickle.bytes(1, 200, 65_536));
    assertEquals(408, answer.status, answer.text);
    assertEquals(
        "the request body did not arrive in time: a body has 1 s, and one second more for every"
            + " 16 KiB (16384 bytes) received\n",
        answer.text);
    assertTrue(answer.closes, "the answer announces that the connection closes");
    assertTrue(answer.millis < 3_000, "answered after " + answer.millis + " ms");
    assertTrue(answer.closedAfterwards, "the server closed the connection");
    assertEquals(0, served.get(), "the application never saw the request");
  }

  @Test
  void aChunkedBodyTricklingInIsRefusedToo() throws Exception {
    serve(RequestLimitFilter.Kind.BINARY, 65_536, deadline(1, 16 * 1024), Duration.ofSeconds(30));
    Answer answer = post("/pki/ocsp", "application/ocsp-request", -1, Trickle.chunks(1, 200, 600));
    assertEquals(408, answer.status, answer.text);
    assertTrue(answer.millis < 3_000, "answered after " + answer.millis + " ms");
    assertEquals(0, served.get());
  }

  @Test
  void aLargeBodyEarnsMoreTimeWhileItComesAtTheMinimumRate() throws Exception {
    serve(RequestLimitFilter.Kind.BINARY, 1 << 20, deadline(1, 64 * 1024), Duration.ofSeconds(30));
    // 1 s, and a second for every 64 KiB: 192 KiB coming at 96 KiB a second always have time
    Answer fast =
        post("/upload", "application/octet-stream", 192 * 1024, Trickle.bytes(16 * 1024, 170, -1));
    assertEquals(200, fast.status, fast.text);
    assertEquals("received 196608 bytes\n", fast.text);
    // at 32 KiB a second, t seconds earn 1 + t/2: late after 2 s, long before the 6 s it needs
    Answer slow =
        post("/upload", "application/octet-stream", 192 * 1024, Trickle.bytes(16 * 1024, 500, -1));
    assertEquals(408, slow.status, slow.text);
    assertTrue(
        slow.millis >= 1_900 && slow.millis < 4_000, "answered after " + slow.millis + " ms");
  }

  @Test
  void aStalledBodyEndsWithTheContainersReadTimeoutAnd408() throws Exception {
    // nothing arrives at all: only the container's read timeout ends the blocked read
    serve(RequestLimitFilter.Kind.BINARY, 65_536, deadline(20, 16 * 1024), Duration.ofSeconds(1));
    Answer answer = post("/pki/ocsp", "application/ocsp-request", 1000, Trickle.bytes(10, 0, 10));
    assertTrue(answer.millis < 4_000, "the connection ended after " + answer.millis + " ms");
    assertTrue(answer.status == 408 || answer.status == 0, "answered " + answer.status);
    assertTrue(answer.closedAfterwards, "the server closed the connection");
    assertEquals(0, served.get());
  }

  @Test
  void soapRequestsAreTextXmlOrSoapXmlInACharsetTheCheckFollows() throws Exception {
    serve(RequestLimitFilter.Kind.SOAP, 1 << 20, BodyDeadline.DEFAULT, Duration.ofSeconds(30));
    byte[] utf8 = SOAP.getBytes(StandardCharsets.UTF_8);
    for (String accepted :
        new String[] {
          "text/xml",
          "text/xml; charset=utf-8",
          "Text/XML;Charset=\"UTF-8\"",
          "application/soap+xml; charset=utf-8; action=\"urn:x\""
        }) {
      Answer answer = post("/ws/RaService", accepted, utf8);
      assertEquals(200, answer.status, accepted + ": " + answer.text);
    }
    String accepts =
        "this service accepts text/xml or application/soap+xml, with no charset or one of UTF-8,"
            + " UTF-16, UTF-16BE, UTF-16LE, UTF-32, UTF-32BE, UTF-32LE, US-ASCII, ISO-8859-1,"
            + " GB18030, GBK, GB2312";
    Answer mtom =
        post(
            "/ws/RaService",
            "multipart/related; type=\"application/xop+xml\"; boundary=b; start-info=\"text/xml\"",
            mtomWithUtf16RootPart());
    assertEquals(415, mtom.status, mtom.text);
    assertTrue(
        mtom.text.contains("the request's Content-Type is \"multipart/related\": " + accepts),
        mtom.text);
    assertTrue(mtom.text.contains("<faultcode>S:Client</faultcode>"), mtom.text);
    assertTrue(mtom.closes);

    Charset ebcdic = Charset.forName("IBM037");
    String withDtd = "<?xml version=\"1.0\" encoding=\"IBM037\"?><!DOCTYPE x []>" + SOAP;
    Answer declared = post("/ws/RaService", "text/xml; charset=IBM037", withDtd.getBytes(ebcdic));
    assertEquals(415, declared.status, declared.text);
    assertTrue(declared.text.contains("the request's charset is \"IBM037\": "), declared.text);
    // no charset in the header: the parser would detect EBCDIC from the first bytes
    Answer detected = post("/ws/RaService", "text/xml", withDtd.getBytes(ebcdic));
    assertEquals(415, detected.status, detected.text);
    assertTrue(
        detected.text.contains("the request body does not begin with '&lt;' in UTF-8"),
        detected.text);
    // an XML declaration naming an encoding the check cannot follow
    Answer utf7 =
        post(
            "/ws/RaService",
            "text/xml",
            ("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE x+AD4-" + SOAP)
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(415, utf7.status, utf7.text);
    assertTrue(
        utf7.text.contains("the request's XML declaration names the encoding \"UTF-7\""),
        utf7.text);
    Answer none = post("/ws/RaService", null, utf8);
    assertEquals(415, none.status, none.text);
    assertTrue(none.text.contains("the request has no Content-Type: " + accepts), none.text);
    assertEquals(4, served.get(), "only the accepted requests reached the application");
  }

  @Test
  void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    serve(RequestLimitFilter.Kind.BINARY, 65_536, BodyDeadline.DEFAULT, Duration.ofSeconds(30));
    Answer answer = post("/pki/ocsp", "application/ocsp-request", 100_000, Trickle.bytes(0, 0, 0));
    assertEquals(413, answer.status);
    assertEquals(
        "the request body is larger than 64 KiB (65536 bytes), the limit of /pki/ocsp\n",
        answer.text);
  }

  // ------------------------------------------------------------------------------------------

  private static BodyDeadline deadline(int seconds, int bytesPerSecond) {
    return new BodyDeadline(Duration.ofSeconds(seconds), bytesPerSecond);
  }

  /** The root part of an MTOM message in UTF-16, with a DTD the outer encoding hides. */
  private static byte[] mtomWithUtf16RootPart() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--b\r\nContent-Type: application/xop+xml; charset=UTF-16; type=\"text/xml\"\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(("<!DOCTYPE x [<!ENTITY e \"e\">]>" + SOAP).getBytes(StandardCharsets.UTF_16));
    body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private void serve(
      RequestLimitFilter.Kind kind, long maxBytes, BodyDeadline deadline, Duration readTimeout)
      throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(readTimeout.toMillis());
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addFilter(
        new FilterHolder(
            new RequestLimitFilter(kind, maxBytes, 1000, new BodyBudget(64L << 20), deadline)),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Echo()), "/*");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  /** The application: counts what reaches it and says how much body it read. */
  private final class Echo extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      served.incrementAndGet();
      long read = request.getInputStream().readAllBytes().length;
      response.setContentType("text/plain");
      response.getWriter().println("received " + read + " bytes");
    }
  }

  /** How a client sends its body: pieces of a size, a pause before each, up to a total. */
  private record Trickle(int piece, long pauseMillis, int total, boolean chunked) {
    static Trickle bytes(int piece, long pauseMillis, int total) {
      return new Trickle(piece, pauseMillis, total, false);
    }

    static Trickle chunks(int piece, long pauseMillis, int total) {
      return new Trickle(piece, pauseMillis, total, true);
    }

    void send(OutputStream out, int declared) throws IOException, InterruptedException {
      int total = this.total >= 0 ? this.total : declared;
      byte[] data = new byte[piece];
      for (int sent = 0; sent < total; sent += piece) {
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
        if (chunked) {
          out.write((Integer.toHexString(piece) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(data);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
          out.write(data);
        }
        out.flush();
      }
      if (chunked) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      if (pauseMillis == 0 && total < declared) {
        Thread.sleep(10_000); // then nothing more: a stalled body
      }
      out.flush();
    }
  }

  /** What came back: status 0 when the connection ended without an HTTP answer. */
  private record Answer(
      int status, String text, boolean closes, long millis, boolean closedAfterwards) {}

  private Answer post(String path, String contentType, byte[] body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          head(path, contentType, "Content-Length: " + body.length)
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return answer(socket, System.nanoTime());
    }
  }

  private Answer post(String path, String contentType, int declared, Trickle trickle)
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String length = declared >= 0 ? "Content-Length: " + declared : "Transfer-Encoding: chunked";
      out.write(head(path, contentType, length).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      long started = System.nanoTime();
      Thread sender =
          new Thread(
              () -> {
                try {
                  trickle.send(out, declared);
                } catch (IOException | InterruptedException stopped) {
                  // the server closed the connection, or the test ended
                }
              });
      sender.setDaemon(true);
      sender.start();
      Answer answer = answer(socket, started);
      sender.interrupt();
      return answer;
    }
  }

  private static String head(String path, String contentType, String length) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + length
        + "\r\n\r\n";
  }

  /**
   * Reads one answer, then, unless served, waits up to 5 s for the server to close the connection.
   */
  private static Answer answer(Socket socket, long started) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int status = 0;
    String text = "";
    boolean closes = false;
    long millis;
    try {
      while (true) {
        int read = in.read(buffer);
        if (read < 0) {
          break;
        }
        received.write(buffer, 0, read);
        String so = received.toString(StandardCharsets.UTF_8);
        int end = so.indexOf("\r\n\r\n");
        if (end >= 0) {
          String head = so.substring(0, end).toLowerCase(Locale.ROOT);
          int at = head.indexOf("content-length:");
          if (at >= 0) {
            int length = Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
            if (received.size() - end - 4 >= length) {
              break;
            }
          }
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException ended) {
      // no (complete) answer
    }
    millis = (System.nanoTime() - started) / 1_000_000;
    String all = received.toString(StandardCharsets.UTF_8);
    int end = all.indexOf("\r\n\r\n");
    if (all.startsWith("HTTP/1.1 ") && end > 0) {
      status = Integer.parseInt(all.substring(9, 12));
      text = all.substring(end + 4);
      closes = all.substring(0, end).toLowerCase(Locale.ROOT).contains("connection: close");
    }
    boolean closedAfterwards;
    if (status == 200) {
      return new Answer(status, text, closes, millis, false); // served: kept alive
    }
    try {
      socket.setSoTimeout(5_000);
      closedAfterwards = in.read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      closedAfterwards = false;
    } catch (java.net.SocketException reset) {
      closedAfterwards = true;
    }
    return new Answer(status, text, closes, millis, closedAfterwards);
  }
}
