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

  /** Each SOAP service of the CA has a namespace of its own. */
  private static final Map<String, String> NAMESPACES =
      Map.of(
          "RaService", NAMESPACE,
          "CaAdminService", "http://egovca.org/ws/admin/v1",
          "QueryService", "http://egovca.org/ws/query/v1");

  /** Either the certificate (DER) or the fault's code and message. */
  record Answer(int httpStatus, byte[] certificate, String faultCode, String faultString) {
    boolean issued() {
      return certificate != null;
    }
  }

  private final HttpClient http;
  private final URI endpoint;
  private final String namespace;
  private final String authorization;

  RaSoapClient(SSLContext tls, String httpsBase) {
    this(tls, httpsBase, "RaService");
  }

  /** A client of another SOAP service of the CA, such as {@code CaAdminService}. */
  RaSoapClient(SSLContext tls, String httpsBase, String service) {
    this(tls, httpsBase, service, null, null);
  }

  /**
   * A client that also sends a user name and password with HTTP basic authentication, as an
   * operator calling {@code CaAdminService} does with their login certificate.
   */
  RaSoapClient(SSLContext tls, String httpsBase, String service, String username, String password) {
    this.http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    this.endpoint = URI.create(httpsBase + "/ws/" + service);
    this.namespace = java.util.Objects.requireNonNull(NAMESPACES.get(service), service);
    this.authorization =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** CaAdminService.changePassword: null, or the fault code and message. */
  String changePassword(String newPassword) throws Exception {
    Document document = call("changePassword", element("newPassword", newPassword));
    String fault = text(document, "code");
    return fault == null ? null : fault + ": " + text(document, "faultstring");
  }

  /**
   * A dual-control request as CaAdminService answers it (its id, action, state, result in PEM, and
   * the one-time password of an approval that made one), or the fault's code and message.
   */
  record DualControlRequest(
      long id,
      String action,
      String state,
      String requestedBy,
      String result,
      String secret,
      String faultCode,
      String faultString) {

    boolean refused() {
      return faultCode != null;
    }
  }

  /** CaAdminService.rollOverCaKey: the request for the rollover, or the fault. */
  DualControlRequest rollOverCaKey(String caName) throws Exception {
    return dualControlRequest(call("rollOverCaKey", element("caName", caName)));
  }

  DualControlRequest approveRequest(long id, String note) throws Exception {
    return dualControlRequest(
        call("approveRequest", element("id", Long.toString(id)) + element("note", note)));
  }

  DualControlRequest rejectRequest(long id, String note) throws Exception {
    return dualControlRequest(
        call("rejectRequest", element("id", Long.toString(id)) + element("note", note)));
  }

  DualControlRequest withdrawRequest(long id) throws Exception {
    return dualControlRequest(call("withdrawRequest", element("id", Long.toString(id))));
  }

  DualControlRequest getRequest(long id) throws Exception {
    return dualControlRequest(call("getRequest", element("id", Long.toString(id))));
  }

  /** CaAdminService.waitingRequests: the ids of the requests waiting for a decision. */
  List<Long> waitingRequests() throws Exception {
    NodeList ids = call("waitingRequests", "").getElementsByTagNameNS("*", "id");
    List<Long> waiting = new ArrayList<>();
    for (int i = 0; i < ids.getLength(); i++) {
      waiting.add(Long.valueOf(ids.item(i).getTextContent()));
    }
    return waiting;
  }

  /** CaAdminService.registerRemoteRa for the units, with the RA system's PKCS#10. */
  DualControlRequest registerRemoteRa(String name, List<String> units, String pkcs10)
      throws Exception {
    StringBuilder parameters = new StringBuilder(element("name", name));
    units.forEach(unit -> parameters.append(element("applicationUnit", unit)));
    parameters.append(element("pkcs10", pkcs10));
    return dualControlRequest(call("registerRemoteRa", parameters.toString()));
  }

  /** CaAdminService.changeRemoteRaUnits: the remote RA may then issue for exactly these units. */
  DualControlRequest changeRemoteRaUnits(String name, List<String> units) throws Exception {
    StringBuilder parameters = new StringBuilder(element("name", name));
    units.forEach(unit -> parameters.append(element("applicationUnit", unit)));
    return dualControlRequest(call("changeRemoteRaUnits", parameters.toString()));
  }

  private static DualControlRequest dualControlRequest(Document document) {
    String code = text(document, "code");
    if (code != null || text(document, "id") == null) {
      return new DualControlRequest(
          0, null, null, null, null, null, code, text(document, "faultstring"));
    }
    return new DualControlRequest(
        Long.parseLong(text(document, "id")),
        text(document, "action"),
        text(document, "state"),
        text(document, "requestedBy"),
        text(document, "result"),
        text(document, "secret"),
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
      String profile, String subjectDn, String pkcs10, String unit, boolean directoryConsent)
      throws Exception {
    Document document =
        call(
            "issueCertificate",
            element("profile", profile)
                + element("subjectDn", subjectDn)
                + element("pkcs10", pkcs10)
                + element("applicationUnit", unit)
                + element("directoryConsent", Boolean.toString(directoryConsent)));
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

  /**
   * CaAdminService.registerEgovSystem: the request for the registration, or the fault.
   *
   * @param allowPlainHttp the administrator's allowance of an http:// endpoint (test systems)
   * @param serverTrustAnchors PEM anchors for an https:// endpoint's server, or null
   */
  DualControlRequest registerEgovSystem(
      String name,
      String unit,
      String endpoint,
      String mode,
      int batchIntervalMinutes,
      List<String> events,
      String pkcs10,
      boolean allowPlainHttp,
      String serverTrustAnchors)
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
    parameters.append(element("allowPlainHttp", Boolean.toString(allowPlainHttp)));
    if (serverTrustAnchors != null) {
      parameters.append(element("serverTrustAnchors", serverTrustAnchors));
    }
    return dualControlRequest(call("registerEgovSystem", parameters.toString()));
  }

  /**
   * The fault code of {@code operation} called with {@code parametersXml} (raw XML elements), or
   * null when it answered without a fault.
   */
  String faultCode(String operation, String parametersXml) throws Exception {
    return text(call(operation, parametersXml), "code");
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

  /** renewCertificate with the holder's renewal proof (statement and base64 signature). */
  Dual renewCertificate(String serialNumber, String pkcs10, HolderProof proof) throws Exception {
    return dual(
        call(
            "renewCertificate",
            element("serialNumber", serialNumber)
                + element("pkcs10", pkcs10)
                + (proof == null ? "" : proof.elements())));
  }

  Dual rekeyCertificate(String serialNumber, String pkcs10, HolderProof proof) throws Exception {
    return dual(
        call(
            "rekeyCertificate",
            element("serialNumber", serialNumber)
                + element("pkcs10", pkcs10)
                + (proof == null ? "" : proof.elements())));
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

  Revocation revokeCertificate(String serialNumber, String reason, String initiator)
      throws Exception {
    Document document =
        call(
            "revokeCertificate",
            element("serialNumber", serialNumber)
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
            + namespace
            + "\"><soapenv:Body><ra:"
            + operation
            + ">"
            + parameters
            + "</ra:"
            + operation
            + "></soapenv:Body></soapenv:Envelope>";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", "\"\"")
            .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    lastStatus = response.statusCode();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
  }

  static String element(String name, String value) {
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
