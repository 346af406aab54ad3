package org.egovca.ws.pki;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.egovca.ca.infrastructure.Health;

/**
 * {@code GET /pki/health}: 200 with a small JSON status once the CA can issue and its HTTPS
 * listener serves the CA-issued certificate and demands client certificates; else 503 with the same
 * JSON, whose fields say what is missing ({@link Health.Status}). A CA whose crypto token waits for
 * its key custodians answers 503 with {@code "ready":true}, {@code "state":"OFFLINE"}, {@code
 * "waiting":"custodians"} and each token in {@code "tokens"}, for example {@code
 * [{"kind":"software","name":"ca","status":"OFFLINE","waiting":"custodians"}]}.
 */
@RequestScoped
@Path("health")
public class HealthResource {

  @Inject private Health health;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    Health.Status status = health.check();
    return Response.status(status.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(status)
        .header("Cache-Control", "no-store")
        .build();
  }
}
