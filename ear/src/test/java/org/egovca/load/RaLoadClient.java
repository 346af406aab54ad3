package org.egovca.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * A lean client of {@code RaService} for load: the SOAP envelope is a string template and an answer
 * is checked by counting its {@code certificate} elements, so the client spends little CPU of the
 * machine it shares with the server. HTTP/1.1 over TLS with the remote RA certificate, so that
 * every request in flight has a connection of its own (HTTP/2 would multiplex them over one).
 */
final class RaLoadClient {

  /** One request of a batch: the RA's vetted subject and the holder's PKCS#10 (base64 DER). */
  record Request(String profile, String subjectDn, String pkcs10) {}

  private final HttpClient http;
  private final URI endpoint;

  RaLoadClient(SSLContext tls, String httpsBase) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.endpoint = URI.create(httpsBase + "/ws/RaService");
  }

  /** Issues one certificate; returns it (DER). */
  byte[] issueCertificate(Request request) throws IOException, InterruptedException {
    String body = call("issueCertificate", parameters(request));
    requireCertificates(body, 1);
    int start = body.indexOf('>', body.indexOf("certificate>") + 1) + 1;
    return Base64.getDecoder().decode(body.substring(start, body.indexOf('<', start)));
  }

  /** Issues a batch in one call; returns how many certificates came back. */
  int issueCertificates(List<Request> requests) throws IOException, InterruptedException {
    StringBuilder parameters = new StringBuilder();
    for (Request request : requests) {
      parameters.append("<request>").append(parameters(request)).append("</request>");
    }
    requireCertificates(call("issueCertificates", parameters.toString()), requests.size());
    return requests.size();
  }

  private static String parameters(Request request) {
    return "<profile>"
        + request.profile()
        + "</profile><subjectDn>"
        + request.subjectDn()
        + "</subjectDn><pkcs10>"
        + request.pkcs10()
        + "</pkcs10>";
  }

  private String call(String operation, String parameters)
      throws IOException, InterruptedException {
    String envelope =
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:ra=\"http://egovca.org/ws/ra/v1\"><soapenv:Body><ra:"
            + operation
            + ">"
            + parameters
            + "</ra:"
            + operation
            + "></soapenv:Body></soapenv:Envelope>";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          operation + " answered HTTP " + response.statusCode() + ": " + abbreviate(response));
    }
    return response.body();
  }

  /** Each certificate element has an opening and a closing tag, whatever its prefix. */
  private static void requireCertificates(String body, int expected) {
    int tags = 0;
    for (int at = body.indexOf("certificate>");
        at >= 0;
        at = body.indexOf("certificate>", at + 1)) {
      tags++;
    }
    if (tags != 2 * expected) {
      throw new IllegalStateException(
          "expected " + expected + " certificates, got " + tags / 2 + ": " + abbreviate(body));
    }
  }

  private static String abbreviate(HttpResponse<String> response) {
    return abbreviate(response.body());
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }
}
