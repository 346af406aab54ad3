package org.egovca.ws.pki;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.egovca.ca.application.CaCertificates;

/**
 * CA certificates for relying parties. The caIssuers URLs in issued certificates name one key:
 * {@code /pki/ca/{caName}.crt} the first, {@code /pki/ca/{caName}/{n}.crt} key n after a rollover
 * (DER, never changing). For people installing trust: {@code /pki/ca/{caName}.pem} (the current
 * certificate), {@code /pki/ca/{caName}/chain.pem} (up to the root) and {@code
 * /pki/ca/{caName}/links.pem} (the rollover link certificates).
 */
@RequestScoped
@Path("ca")
public class CaCertificateResource {

  static final String PKIX_CERT = "application/pkix-cert";
  static final String PEM = "application/x-pem-file";

  @Inject private CaCertificates caCertificates;

  /**
   * The certificate of the CA's first key: the caIssuers URL of the certificates that key issued,
   * so it never changes, not even after a key rollover.
   */
  @GET
  @Path("{caName}.crt")
  @Produces(PKIX_CERT)
  public Response der(@PathParam("caName") String caName) {
    return der(caName, 1);
  }

  /** The certificate of key {@code keyIndex} (caIssuers after a rollover). */
  @GET
  @Path("{caName}/{keyIndex: [1-9][0-9]{0,5}}.crt")
  @Produces(PKIX_CERT)
  public Response der(@PathParam("caName") String caName, @PathParam("keyIndex") int keyIndex) {
    byte[] certificate =
        caCertificates.certificate(caName, keyIndex).orElseThrow(() -> unknown(caName));
    return Response.ok(certificate, PKIX_CERT)
        .header("Content-Disposition", "attachment; filename=\"" + safe(caName) + ".crt\"")
        .build();
  }

  /** The link certificates of the CA's key rollovers (NewWithOld, OldWithNew), as PEM. */
  @GET
  @Path("{caName}/links.pem")
  @Produces(PEM)
  public Response links(@PathParam("caName") String caName) {
    return Response.ok(
            pem(caCertificates.rolloverLinks(caName).orElseThrow(() -> unknown(caName))), PEM)
        .build();
  }

  @GET
  @Path("{caName}.pem")
  @Produces(PEM)
  public Response pem(@PathParam("caName") String caName) {
    byte[] certificate = caCertificates.certificate(caName).orElseThrow(() -> unknown(caName));
    return Response.ok(pem(List.of(certificate)), PEM).build();
  }

  @GET
  @Path("{caName}/chain.pem")
  @Produces(PEM)
  public Response chain(@PathParam("caName") String caName) {
    List<byte[]> chain = caCertificates.chain(caName).orElseThrow(() -> unknown(caName));
    return Response.ok(pem(chain), PEM).build();
  }

  static byte[] pem(List<byte[]> certificates) {
    StringBuilder text = new StringBuilder();
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (byte[] certificate : certificates) {
      text.append("-----BEGIN CERTIFICATE-----\n")
          .append(base64.encodeToString(certificate))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static NotFoundException unknown(String caName) {
    return new NotFoundException(
        Response.status(Response.Status.NOT_FOUND)
            .type("text/plain")
            .entity("no CA named " + safe(caName) + "\n")
            .build());
  }

  /** CA names in responses: keep them printable and header-safe. */
  private static String safe(String caName) {
    return caName.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
