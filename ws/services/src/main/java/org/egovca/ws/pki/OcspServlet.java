package org.egovca.ws.pki;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.egovca.ca.application.OcspService;
import org.egovca.ca.x509.ocsp.OcspHttpCaching;

/**
 * The OCSP responder over HTTP (RFC 6960 Appendix A): {@code POST /pki/ocsp} with an
 * application/ocsp-request body, and {@code GET /pki/ocsp/{url-encoded base64 request}}, which HTTP
 * caches may keep (RFC 5019 headers) unless the request carried a nonce.
 *
 * <p>A plain servlet rather than a JAX-RS resource: OCSP is the CA's busiest endpoint, and most of
 * the cost of a cached answer was the JAX-RS request machinery around it.
 */
@WebServlet(urlPatterns = "/pki/ocsp/*")
public class OcspServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String OCSP_RESPONSE = "application/ocsp-response";
  private static final String PREFIX = "/pki/ocsp/";

  /**
   * An OCSP request of a few CertIDs is some hundred bytes. The body limit itself is enforced while
   * reading, before this servlet runs (the PkiLimit filter in web.xml: 413 for a larger body); the
   * servlet never reads more than this either.
   */
  private static final int MAX_REQUEST = 64 * 1024;

  /**
   * The longest {@code GET /pki/ocsp/{request}} path answered: RFC 5019 clients use GET for
   * requests under 255 bytes; 4 KiB holds about 40 CertIDs. A longer one is refused with 414.
   */
  static final int MAX_GET_PATH = 4 * 1024;

  @Inject private transient OcspService ocsp;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_REQUEST + 1);
    }
    if (body.length > MAX_REQUEST) {
      refuse(response, 413, "an OCSP request is at most " + MAX_REQUEST + " bytes");
      return;
    }
    byte[] answer = ocsp.respond(body);
    response.setHeader("Cache-Control", "no-store");
    write(response, answer);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // The raw URI: base64 may contain '/', which the container's decoded path info would mangle.
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    if (uri.length() - PREFIX.length() > MAX_GET_PATH) {
      refuse(
          response,
          414,
          "an OCSP GET request is at most "
              + MAX_GET_PATH
              + " characters of base64; POST larger requests to /pki/ocsp");
      return;
    }
    byte[] query = new byte[0]; // answered with malformedRequest
    if (uri.startsWith(PREFIX)) {
      try {
        // Percent-decoding only: a literal '+' is base64, not a form-encoded space.
        String base64 =
            URLDecoder.decode(
                uri.substring(PREFIX.length()).replace("+", "%2B"), StandardCharsets.US_ASCII);
        query = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException notBase64) {
        query = new byte[0];
      }
    }
    byte[] answer = ocsp.respond(query);
    OcspHttpCaching caching = OcspHttpCaching.of(answer, Instant.now());
    caching.headers().forEach(response::setHeader);
    write(response, answer);
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.setContentLength(text.length);
    response.getOutputStream().write(text);
  }

  private static void write(HttpServletResponse response, byte[] answer) throws IOException {
    response.setContentType(OCSP_RESPONSE);
    response.setContentLength(answer.length);
    response.getOutputStream().write(answer);
  }
}
