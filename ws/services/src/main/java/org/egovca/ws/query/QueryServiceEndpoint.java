package org.egovca.ws.query;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.egovca.delivery.application.EgovQueries;
import org.egovca.ws.SoapCalls;

/**
 * {@code QueryService} at {@code /ws/QueryService} (R23, CPS §7.3): e-gov systems look up a
 * certificate by serial or subject with its status, a CA's chain and latest CRL, over HTTPS with
 * the client certificate issued at their registration. Answers cover the caller's application unit
 * only (R19); faults carry a code: NOT_AUTHORIZED, UNKNOWN_CERTIFICATE, CA_UNAVAILABLE,
 * MALFORMED_REQUEST.
 */
@WebService(
    name = "QueryService",
    serviceName = "QueryService",
    portName = "QueryServicePort",
    targetNamespace = QueryServiceEndpoint.NAMESPACE)
public class QueryServiceEndpoint {

  public static final String NAMESPACE = "http://egovca.org/ws/query/v1";

  @Resource private WebServiceContext context;

  @EJB private EgovQueries queries;

  /** The certificate with this serial number (hexadecimal) and its current status. */
  @WebMethod
  @WebResult(name = "certificate")
  public QueriedCertificate getCertificate(@WebParam(name = "serialNumber") String serialNumber)
      throws QueryServiceFault {
    return answer(
        "getCertificate",
        () ->
            QueriedCertificate.of(
                queries.certificateBySerial(SoapCalls.clientCertificate(context), serialNumber)));
  }

  /** The certificates with exactly this subject DN, newest first. */
  @WebMethod
  @WebResult(name = "certificate")
  public List<QueriedCertificate> findCertificatesBySubject(
      @WebParam(name = "subjectDn") String subjectDn) throws QueryServiceFault {
    return answer(
        "findCertificatesBySubject",
        () ->
            queries.certificatesBySubject(SoapCalls.clientCertificate(context), subjectDn).stream()
                .map(QueriedCertificate::of)
                .toList());
  }

  /** The CA's certificate, then those above it up to the root, base64 DER. */
  @WebMethod
  @WebResult(name = "caCertificate")
  public List<String> getCaChain(@WebParam(name = "caName") String caName)
      throws QueryServiceFault {
    return answer(
        "getCaChain",
        () ->
            queries.caChain(SoapCalls.clientCertificate(context), caName).stream()
                .map(Base64.getEncoder()::encodeToString)
                .toList());
  }

  /** The CA's latest complete CRL, base64 DER. */
  @WebMethod
  @WebResult(name = "crl")
  public String getLatestCrl(@WebParam(name = "caName") String caName) throws QueryServiceFault {
    return answer(
        "getLatestCrl",
        () ->
            Base64.getEncoder()
                .encodeToString(queries.latestCrl(SoapCalls.clientCertificate(context), caName)));
  }

  private static <T> T answer(String operation, Supplier<T> action) throws QueryServiceFault {
    return SoapCalls.answer(operation, action, QueryServiceFault::new);
  }
}
