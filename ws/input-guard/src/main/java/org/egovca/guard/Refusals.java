package org.egovca.guard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The answers of a refused request: a SOAP 1.1 fault for SOAP callers, plain text otherwise. */
final class Refusals {

  private Refusals() {}

  /**
   * A SOAP 1.1 fault with faultcode Client. SOAP 1.1 over HTTP answers every fault with 500, which
   * is what SOAP clients read a fault from; a refusal for size keeps 413 so that HTTP tooling sees
   * what happened too.
   */
  static void soapFault(HttpServletResponse response, int status, String message)
      throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
            + "<S:Fault><faultcode>S:Client</faultcode><faultstring>"
            + escape(message)
            + "</faultstring></S:Fault></S:Body></S:Envelope>";
    write(response, status, "text/xml;charset=UTF-8", xml);
  }

  static void text(HttpServletResponse response, int status, String message) throws IOException {
    write(response, status, "text/plain;charset=UTF-8", message + "\n");
  }

  /** A size in words: "8 MiB (8388608 bytes)". */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB (" + bytes + " bytes)";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB (" + bytes + " bytes)";
    }
    return bytes + " bytes";
  }

  private static void write(HttpServletResponse response, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(type);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
