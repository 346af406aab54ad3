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
import org.egovca.ca.application.CrlIssuance;

/**
 * {@code GET /pki/crl/{caName}.crl}: the CA's latest complete CRL (DER), the CRL distribution point
 * of every certificate the CA issues. HTTP caches may keep it until its nextUpdate.
 */
@RequestScoped
@Path("crl")
public class CrlResource {

  static final String PKIX_CRL = "application/pkix-crl";

  @Inject private CrlIssuance crls;

  @GET
  @Path("{caName}.crl")
  @Produces(PKIX_CRL)
  public Response latest(@PathParam("caName") String caName) {
    CrlIssuance.IssuedCrl crl =
        crls.latest(caName)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        Response.status(Response.Status.NOT_FOUND)
                            .type("text/plain")
                            .entity("no CRL for a CA of that name\n")
                            .build()));
    long maxAge = Math.max(0, Duration.between(Instant.now(), crl.nextUpdate()).toSeconds());
    return Response.ok(crl.encoded(), PKIX_CRL)
        .lastModified(Date.from(crl.thisUpdate()))
        .expires(Date.from(crl.nextUpdate()))
        .header("Cache-Control", "public, max-age=" + maxAge)
        .build();
  }
}
