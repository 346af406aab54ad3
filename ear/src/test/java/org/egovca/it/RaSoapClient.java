package org.egovca.it;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A SOAP client of {@code RaService} written from the WSDL's contract (document/literal wrapped,
 * parameters {@code profile}, {@code subjectDn}, {@code pkcs10}), as an integrator would without
 * our code.
 */
final class RaSoapClient {

  static final String NAMESPACE = "http://egovca.org/ws/ra/v1";

  /** Either the certificate (DER) or the fault's code and message. */
  record Answer(int httpStatus, byte[] certificate, String faultCode, String faultString) {
    boolean issued() {
      return certificate != null;
    }
  }

  private final HttpClient http;
  private final URI endpoint;

  RaSoapClient(SSLContext tls, String httpsBase) {
    this.http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    this.endpoint = URI.create(httpsBase + "/ws/RaService");
  }

  /** The answer to revokeCertificate: the revocation time, or the fault's code and message. */
  record Revocation(String revocationTime, String faultCode, String faultString) {}

  Answer issueCertificate(String profile, String subjectDn, String pkcs10) throws Exception {
    Document document =
        call(
            "issueCertificate",
            element("profile", profile)
                + element("subjectDn", subjectDn)
                + element("pkcs10", pkcs10));
    String certificate = text(document, "certificate");
    if (certificate != null) {
      return new Answer(lastStatus, Base64.getDecoder().decode(certificate), null, null);
    }
    return new Answer(lastStatus, null, text(document, "code"), text(document, "faultstring"));
  }

  /** One request of a batch. */
  record Request(String profile, String subjectDn, String pkcs10) {}

  /** The answer to issueCertificates: the certificates (DER) in order, or the fault. */
  record Batch(
      List<byte[]> certificates, String faultCode, String faultString, Integer requestIndex) {}

  Batch issueCertificates(List<Request> requests) throws Exception {
    StringBuilder parameters = new StringBuilder();
    for (Request request : requests) {
      parameters.append(
          element(
              "request",
              element("profile", request.profile())
                  + element("subjectDn", request.subjectDn())
                  + element("pkcs10", request.pkcs10()),
              false));
    }
    Document document = call("issueCertificates", parameters.toString());
    String code = text(document, "code");
    if (code != null) {
      String index = text(document, "requestIndex");
      return new Batch(
          List.of(),
          code,
          text(document, "faultstring"),
          index == null ? null : Integer.valueOf(index));
    }
    NodeList nodes = document.getElementsByTagNameNS("*", "certificate");
    List<byte[]> certificates = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      certificates.add(Base64.getDecoder().decode(nodes.item(i).getTextContent()));
    }
    return new Batch(certificates, null, null, null);
  }

  /** The answer to issueDualCertificate: both certificates and the envelope, or the fault. */
  record Dual(
      byte[] signatureCertificate,
      byte[] encryptionCertificate,
      byte[] envelopedPrivateKey,
      String faultCode,
      String faultString) {}

  Dual issueDualCertificate(String profile, String subjectDn, String pkcs10) throws Exception {
    Document document =
        call(
            "issueDualCertificate",
            element("profile", profile)
                + element("subjectDn", subjectDn)
                + element("pkcs10", pkcs10));
    return dual(document);
  }

  Dual renewCertificate(String serial, String pkcs10) throws Exception {
    return dual(call("renewCertificate", element("serial", serial) + element("pkcs10", pkcs10)));
  }

  Dual rekeyCertificate(String serial, String pkcs10, String currentKeySignature) throws Exception {
    return dual(
        call(
            "rekeyCertificate",
            element("serial", serial)
                + element("pkcs10", pkcs10)
                + element("currentKeySignature", currentKeySignature)));
  }

  private static Dual dual(Document document) {
    String signature = text(document, "signatureCertificate");
    if (signature == null) {
      return new Dual(null, null, null, text(document, "code"), text(document, "faultstring"));
    }
    Base64.Decoder base64 = Base64.getDecoder();
    String encryption = text(document, "encryptionCertificate");
    String envelope = text(document, "envelopedPrivateKey");
    return new Dual(
        base64.decode(signature),
        encryption == null ? null : base64.decode(encryption),
        envelope == null ? null : base64.decode(envelope),
        null,
        null);
  }

  Revocation revokeCertificate(String serial, String reason, String initiator) throws Exception {
    Document document =
        call(
            "revokeCertificate",
            element("serial", serial)
                + element("reason", reason)
                + element("initiator", initiator));
    return new Revocation(
        text(document, "revocationTime"), text(document, "code"), text(document, "faultstring"));
  }

  private int lastStatus;

  private Document call(String operation, String parameters) throws Exception {
    String envelope =
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:ra=\""
            + NAMESPACE
            + "\"><soapenv:Body><ra:"
            + operation
            + ">"
            + parameters
            + "</ra:"
            + operation
            + "></soapenv:Body></soapenv:Envelope>";
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    lastStatus = response.statusCode();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
  }

  private static String element(String name, String value) {
    return element(name, value, true);
  }

  private static String element(String name, String value, boolean escape) {
    if (value == null) {
      return "";
    }
    String content =
        escape ? value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") : value;
    return "<" + name + ">" + content + "</" + name + ">";
  }

  private static String text(Document document, String localName) {
    NodeList nodes = document.getElementsByTagNameNS("*", localName);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }
}
