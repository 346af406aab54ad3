package org.egovca.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.domain.BatchRefusal;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.AdminCredentials;

/** What every SOAP endpoint of the CA does around a call: the caller's certificate, the faults. */
public final class SoapCalls {

  private static final Logger LOG = Logger.getLogger(SoapCalls.class.getName());
  private static final String CLIENT_CERTIFICATE = "jakarta.servlet.request.X509Certificate";

  private SoapCalls() {}

  /** How a service makes its own typed fault from a message and the detail. */
  @FunctionalInterface
  public interface Faults<F extends Exception> {
    F fault(String message, FaultInfo detail);
  }

  /**
   * Runs {@code action}; a refusal becomes the service's typed fault with its code and message
   * (and, for a refused batch, the index of the request that refused it), anything else is logged
   * and answered with INTERNAL_ERROR (no stack trace reaches the caller).
   */
  public static <T, F extends Exception> T answer(
      String operation, Supplier<T> action, Faults<F> faults) throws F {
    try {
      return action.get();
    } catch (Refusal refused) {
      Integer requestIndex = refused instanceof BatchRefusal batch ? batch.requestIndex() : null;
      throw faults.fault(
          refused.getMessage(),
          new FaultInfo(faultCode(refused.code()), refused.getMessage(), requestIndex));
    } catch (RuntimeException unexpected) {
      LOG.log(Level.SEVERE, operation + " failed unexpectedly", unexpected);
      throw faults.fault(
          "the CA could not process the request; the error has been logged",
          new FaultInfo("INTERNAL_ERROR", "the CA could not process the request"));
    }
  }

  /**
   * The fault code of a refusal: the code itself, except that the console's codes the SOAP
   * contracts do not name are folded into the two they do, NOT_AUTHORIZED for who may not and
   * MALFORMED_REQUEST for what is wrong.
   */
  static String faultCode(RefusalCode code) {
    return switch (code) {
      case NOT_AUTHORIZED, SEPARATION_OF_DUTIES -> RefusalCode.NOT_AUTHORIZED.name();
      case LOGIN_FAILED, SESSION_ENDED, INVALID_INPUT, WRONG_STATE, NOT_FOUND ->
          RefusalCode.MALFORMED_REQUEST.name();
      default -> code.name();
    };
  }

  /**
   * An operator's two factors for the admin service: the TLS client certificate and the user name
   * and password of HTTP basic authentication (absent ones are null; the EJB layer refuses them).
   */
  public static AdminCredentials adminCredentials(WebServiceContext context) {
    HttpServletRequest request =
        (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
    String header = request == null ? null : request.getHeader("Authorization");
    String username = null;
    char[] password = null;
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          username = decoded.substring(0, colon);
          password = decoded.substring(colon + 1).toCharArray();
        }
      } catch (IllegalArgumentException notBase64) {
        // no credentials: refused as missing
      }
    }
    return new AdminCredentials(clientCertificate(context), username, password);
  }

  /** DER of the TLS client certificate the caller presented, or null. */
  public static byte[] clientCertificate(WebServiceContext context) {
    HttpServletRequest request =
        (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
    Object chain = request == null ? null : request.getAttribute(CLIENT_CERTIFICATE);
    if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
      try {
        return certificates[0].getEncoded();
      } catch (CertificateEncodingException e) {
        return null;
      }
    }
    return null;
  }
}
