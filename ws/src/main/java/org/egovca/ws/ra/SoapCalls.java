package org.egovca.ws.ra;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.CaRequestException;

/** What every SOAP endpoint of the CA does around a call: the caller's certificate, the faults. */
public final class SoapCalls {

  private static final Logger LOG = Logger.getLogger(SoapCalls.class.getName());
  private static final String CLIENT_CERTIFICATE = "jakarta.servlet.request.X509Certificate";

  private SoapCalls() {}

  /**
   * Runs {@code action}; a refusal becomes a typed fault with its code and message, anything else
   * is logged and answered with INTERNAL_ERROR (no stack trace reaches the caller).
   */
  public static <T> T answer(String operation, Supplier<T> action) throws RaServiceFault {
    try {
      return action.get();
    } catch (CaRequestException refused) {
      throw RaServiceFault.of(refused);
    } catch (RuntimeException unexpected) {
      LOG.log(Level.SEVERE, operation + " failed unexpectedly", unexpected);
      throw new RaServiceFault(
          "the CA could not process the request; the error has been logged",
          new RaFaultInfo("INTERNAL_ERROR", "the CA could not process the request"));
    }
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
