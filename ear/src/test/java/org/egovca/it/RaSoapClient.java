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
import java.util.Map;
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
    this(tls, httpsBase, "RaService");
  }

  /** A client of another SOAP service of the CA, such as {@code CaAdminService}. */
  RaSoapClient(SSLContext tls, String httpsBase, String service) {
    this.http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    this.endpoint = URI.create(httpsBase + "/ws/" + service);
  }

  /** The answer to CaAdminService.rollOverCaKey: the three certificates (DER), or the fault. */
  record Rollover(
      int keyGeneration,
      byte[] newWithNew,
      byte[] newWithOld,
      byte[] oldWithNew,
      String faultCode,
      String faultString) {}

  Rollover rollOverCaKey(String caName) throws Exception {
    Document document = call("rollOverCaKey", element("caName", caName));
    String newWithNew = text(document, "newWithNew");
    if (newWithNew == null) {
      return new Rollover(
          0, null, null, null, text(document, "code"), text(document, "faultstring"));
    }
    Base64.Decoder base64 = Base64.getDecoder();
    return new Rollover(
        Integer.parseInt(text(document, "keyGeneration")),
        base64.decode(newWithNew),
        base64.decode(text(document, "newWithOld")),
        base64.decode(text(document, "oldWithNew")),
        null,
        null);
  }

  /** The answer to revokeCertificate: the revocation time, or the fault's code and message. */
  record Revocation(String revocationTime, String faultCode, String faultString) {}

  Answer issueCertificate(String profile, String subjectDn, String pkcs10) throws Exception {
    return issueCertificate(profile, subjectDn, pkcs10, Map.of());
  }

  /** issueCertificate with holder identifiers (kind to value) for the identity extensions. */
  Answer issueCertificate(
      String profile, String subjectDn, String pkcs10, Map<String, String> identifiers)
      throws Exception {
    return issueCertificate(profile, subjectDn, pkcs10, identifiers, List.of());
  }

  /** issueCertificate with identifiers and vetted subjectAltNames ("DNS:…", "IP:…"). */
  Answer issueCertificate(
      String profile,
      String subjectDn,
      String pkcs10,
      Map<String, String> identifiers,
      List<String> subjectAltNames)
      throws Exception {
    Document document =
        call(
            "issueCertificate",
            element("profile", profile)
                + element("subjectDn", subjectDn)
                + element("pkcs10", pkcs10)
                + identifiers(identifiers)
                + altNames(subjectAltNames));
    String certificate = text(document, "certificate");
    if (certificate != null) {
      return new Answer(lastStatus, Base64.getDecoder().decode(certificate), null, null);
    }
    return new Answer(lastStatus, null, text(document, "code"), text(document, "faultstring"));
  }

  /**
   * issueCertificate for the application unit {@code unit} (or none), with the holder's consent to
   * publication in the directory or not.
   */
  Answer issueCertificate(
      String profile, String subjectDn, String pkcs10, String unit, boolean publishToDirectory)
      throws Exception {
    Document document =
        call(
            "issueCertificate",
            element("profile", profile)
                + element("subjectDn", subjectDn)
                + element("pkcs10", pkcs10)
                + element("applicationUnit", unit)
                + element("publishToDirectory", Boolean.toString(publishToDirectory)));
    String certificate = text(document, "certificate");
    if (certificate != null) {
      return new Answer(lastStatus, Base64.getDecoder().decode(certificate), null, null);
    }
    return new Answer(lastStatus, null, text(document, "code"), text(document, "faultstring"));
  }

  /** CaAdminService.createApplicationUnit: null, or the fault code and message. */
  String createApplicationUnit(String code, String name) throws Exception {
    Document document =
        call("createApplicationUnit", element("code", code) + element("name", name));
    String fault = text(document, "code");
    return fault == null ? null : fault + ": " + text(document, "faultstring");
  }

  /** CaAdminService.registerEgovSystem: the client certificate chain (PEM), or the fault. */
  Answer registerEgovSystem(
      String name,
      String unit,
      String endpoint,
      String mode,
      int batchIntervalMinutes,
      List<String> events,
      String pkcs10)
      throws Exception {
    StringBuilder parameters =
        new StringBuilder(
            element("name", name)
                + element("applicationUnit", unit)
                + element("endpoint", endpoint)
                + element("mode", mode)
                + element("batchIntervalMinutes", Integer.toString(batchIntervalMinutes)));
    events.forEach(event -> parameters.append(element("event", event)));
    parameters.append(element("pkcs10", pkcs10));
    Document document = call("registerEgovSystem", parameters.toString());
    String pem = text(document, "clientCertificate");
    if (pem != null) {
      return new Answer(lastStatus, pem.getBytes(StandardCharsets.US_ASCII), null, null);
    }
    return new Answer(lastStatus, null, text(document, "code"), text(document, "faultstring"));
  }

  /** Calls {@code operation} of this client's service with {@code parameters} (XML elements). */
  Document invoke(String operation, Map<String, String> parameters) throws Exception {
    StringBuilder xml = new StringBuilder();
    parameters.forEach((name, value) -> xml.append(element(name, value)));
    return call(operation, xml.toString());
  }

  /** The text of the first element named {@code localName} in an answer, or null. */
  static String first(Document answer, String localName) {
    return text(answer, localName);
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
    return issueDualCertificate(profile, subjectDn, pkcs10, Map.of(), List.of());
  }

  Dual issueDualCertificate(
      String profile,
      String subjectDn,
      String pkcs10,
      Map<String, String> identifiers,
      List<String> subjectAltNames)
      throws Exception {
    Document document =
        call(
            "issueDualCertificate",
            element("profile", profile)
                + element("subjectDn", subjectDn)
                + element("pkcs10", pkcs10)
                + identifiers(identifiers)
                + altNames(subjectAltNames));
    return dual(document);
  }

  private static String altNames(List<String> names) {
    StringBuilder xml = new StringBuilder();
    names.forEach(name -> xml.append(element("subjectAltName", name)));
    return xml.toString();
  }

  /** listProfiles: "name vN" of each profile the RA may request. */
  List<String> listProfiles() throws Exception {
    Document document = call("listProfiles", "");
    NodeList profiles = document.getElementsByTagNameNS("*", "profile");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < profiles.getLength(); i++) {
      org.w3c.dom.Element profile = (org.w3c.dom.Element) profiles.item(i);
      names.add(
          profile.getElementsByTagNameNS("*", "name").item(0).getTextContent()
              + " v"
              + profile.getElementsByTagNameNS("*", "version").item(0).getTextContent());
    }
    return names;
  }

  private static String identifiers(Map<String, String> identifiers) {
    StringBuilder xml = new StringBuilder();
    identifiers.forEach(
        (kind, value) ->
            xml.append("<holderIdentifier kind=\"")
                .append(kind)
                .append("\">")
                .append(value)
                .append("</holderIdentifier>"));
    return xml.toString();
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
