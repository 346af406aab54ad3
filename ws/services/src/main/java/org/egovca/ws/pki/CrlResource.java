package org.egovca.ws.pki;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.egovca.ca.application.IssuedCrls;

/**
 * {@code GET /pki/crl/{caName}.crl}: the CA's latest complete CRL (DER) for the certificates of its
 * first key (their CRL distribution point); {@code GET /pki/crl/{caName}/{n}.crl}: the same for key
 * n after a rollover; {@code GET /pki/crl/{caName}-delta.crl}: its latest delta CRL, named by the
 * freshestCRL extension of the complete CRL. HTTP caches may keep either until its nextUpdate.
 *
 * <p>A CA name may contain hyphens ("iFutureCA-RSA"). JAX-RS tries the template with more literal
 * characters first, so "X-delta.crl" is always the delta CRL of X, and no CA may be named
 * "...-delta" (the CA refuses such names).
 */
@RequestScoped
@Path("crl")
public class CrlResource {

  static final String PKIX_CRL = "application/pkix-crl";

  @Inject private IssuedCrls crls;

  @GET
  @Path("{caName}.crl")
  @Produces(PKIX_CRL)
  public Response latest(@PathParam("caName") String caName) {
    return download(crls.completeCrl(caName, 1), "no CRL for a CA of that name\n");
  }

  /**
   * The latest complete CRL of the certificates issued by key {@code keyIndex} of the CA, signed by
   * that key: the distribution point of certificates issued after a rollover.
   */
  @GET
  @Path("{caName}/{keyIndex: [1-9][0-9]{0,5}}.crl")
  @Produces(PKIX_CRL)
  public Response latestOfKey(
      @PathParam("caName") String caName, @PathParam("keyIndex") int keyIndex) {
    return download(crls.completeCrl(caName, keyIndex), "no CRL for a CA and key of that name\n");
  }

  @GET
  @Path("{caName}-delta.crl")
  @Produces(PKIX_CRL)
  public Response latestDelta(@PathParam("caName") String caName) {
    return download(crls.deltaCrl(caName), "no delta CRL for a CA of that name\n");
  }

  private static Response download(Optional<IssuedCrls.CrlDownload> found, String notFound) {
    IssuedCrls.CrlDownload crl =
        found.orElseThrow(
            () ->
                new NotFoundException(
                    Response.status(Response.Status.NOT_FOUND)
                        .type("text/plain")
                        .entity(notFound)
                        .build()));
    long maxAge = Math.max(0, Duration.between(Instant.now(), crl.nextUpdate()).toSeconds());
    return Response.ok(crl.encoded(), PKIX_CRL)
        .lastModified(Date.from(crl.thisUpdate()))
        .expires(Date.from(crl.nextUpdate()))
        .header("Cache-Control", "public, max-age=" + maxAge)
        .build();
  }
}
