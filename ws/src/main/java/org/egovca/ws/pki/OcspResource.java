package org.egovca.ws.pki;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
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
 */
@RequestScoped
@Path("ocsp")
public class OcspResource {

  static final String OCSP_REQUEST = "application/ocsp-request";
  static final String OCSP_RESPONSE = "application/ocsp-response";

  /** An OCSP request of a few CertIDs is some hundred bytes; refuse absurd bodies early. */
  private static final int MAX_REQUEST = 64 * 1024;

  @Inject private OcspService ocsp;

  @POST
  @Consumes({OCSP_REQUEST, "*/*"})
  @Produces(OCSP_RESPONSE)
  public Response post(byte[] request) {
    return answer(request.length > MAX_REQUEST ? new byte[0] : request, false);
  }

  @GET
  @Path("{request: .+}")
  @Produces(OCSP_RESPONSE)
  public Response get(@Encoded @PathParam("request") String encoded) {
    byte[] request;
    try {
      String base64 = URLDecoder.decode(encoded, StandardCharsets.US_ASCII);
      request = base64.length() > MAX_REQUEST ? new byte[0] : Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException notBase64) {
      request = new byte[0]; // answered with malformedRequest
    }
    return answer(request, true);
  }

  private Response answer(byte[] request, boolean cacheable) {
    byte[] response = ocsp.respond(request);
    Response.ResponseBuilder builder = Response.ok(response, OCSP_RESPONSE);
    OcspHttpCaching caching = OcspHttpCaching.of(response, Instant.now());
    if (cacheable) {
      caching.headers().forEach(builder::header);
    } else {
      builder.header("Cache-Control", "no-store");
    }
    return builder.build();
  }
}
