package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.egovca.authorization.AuthorizationMatrix;
import org.egovca.it.console.Pki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every cell of the SOAP table of {@code docs/AUTHORIZATION.md} against the deployed EAR: each
 * operation is called by each kind of caller with harmless parameters (an unknown serial, a CA that
 * does not exist, a malformed name). A denied caller must be refused as NOT_AUTHORIZED, or an
 * anonymous one in the TLS handshake; an allowed one must get past the authorisation check, to a
 * result or to a refusal of the parameters.
 */
@ExtendWith(DeployedEar.class)
class SoapAuthorizationMatrixIT {

  private static final String UNIT = "MATRIX";
  private static final String ADMINISTRATOR = "security administrator";

  /** Harmless parameters of each operation: nothing is issued, registered or rolled over. */
  private static final Map<String, String> PARAMETERS =
      Map.ofEntries(
          Map.entry("RaService.issueCertificate", issuance()),
          Map.entry("RaService.issueCertificates", "<request>" + issuance() + "</request>"),
          Map.entry("RaService.issueDualCertificate", issuance()),
          Map.entry("RaService.listProfiles", ""),
          Map.entry(
              "RaService.renewCertificate", "<serialNumber>1</serialNumber><pkcs10>x</pkcs10>"),
          Map.entry(
              "RaService.rekeyCertificate", "<serialNumber>1</serialNumber><pkcs10>x</pkcs10>"),
          Map.entry(
              "RaService.revokeCertificate",
              "<serialNumber>1</serialNumber><reason>E</reason><initiator>RA</initiator>"),
          Map.entry("CaAdminService.rollOverCaKey", "<caName>no-such-ca</caName>"),
          Map.entry("CaAdminService.createApplicationUnit", "<code>!</code><name>x</name>"),
          Map.entry(
              "CaAdminService.registerEgovSystem",
              "<name>!</name><applicationUnit>NONE</applicationUnit><endpoint>x</endpoint>"
                  + "<mode>REALTIME</mode><batchIntervalMinutes>0</batchIntervalMinutes>"
                  + "<pkcs10>x</pkcs10>"),
          Map.entry("CaAdminService.registerRemoteRa", "<name>!</name><pkcs10>x</pkcs10>"),
          Map.entry("CaAdminService.changeRemoteRaUnits", "<name>no-such-ra</name>"),
          Map.entry("CaAdminService.waitingRequests", ""),
          Map.entry("CaAdminService.getRequest", "<id>-1</id>"),
          Map.entry("CaAdminService.approveRequest", "<id>-1</id>"),
          Map.entry("CaAdminService.rejectRequest", "<id>-1</id>"),
          Map.entry("CaAdminService.withdrawRequest", "<id>-1</id>"),
          Map.entry("CaAdminService.changePassword", "<newPassword>x</newPassword>"),
          Map.entry("QueryService.getCertificate", "<serialNumber>1</serialNumber>"),
          Map.entry(
              "QueryService.findCertificatesBySubject", "<subjectDn>CN=nobody,C=CN</subjectDn>"),
          Map.entry("QueryService.getCaChain", "<caName>iFutureCA</caName>"),
          Map.entry("QueryService.getLatestCrl", "<caName>iFutureCA</caName>"));

  @TempDir static Path directory;

  private static CaServer server;
  private static Map<String, SSLContext> callers;

  /** The credential of each kind of caller; the e-gov system is registered under dual control. */
  @BeforeAll
  static void callers(CaServer running, ReferenceReceiver receiver) throws Exception {
    server = running;
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    assertNull(admins.admin.createApplicationUnit(UNIT, "Authorisation matrix"));
    RaSoapClient.DualControlRequest system =
        admins.approved(
            admin ->
                admin.registerEgovSystem(
                    "matrix",
                    UNIT,
                    receiver.endpoint(),
                    "REALTIME",
                    0,
                    List.of("ISSUE"),
                    TestRequests.rsa(directory, "matrix", 2048),
                    // the receiver beside the CA answers over plain HTTP: a test system, allowed so
                    true,
                    null));
    Path p12 = Pki.pkcs12(directory, "matrix", system.result(), "changeit");
    callers =
        Map.of(
            "remote RA",
            Tls.remoteRa(server),
            "e-gov system",
            Tls.client(server, p12, "changeit".toCharArray()),
            ADMINISTRATOR,
            Tls.securityAdmin(server, "admin"),
            "anonymous",
            Tls.anonymous(server));
  }

  @TestFactory
  Stream<DynamicTest> everyCellMatchesTheDeployedEar() {
    AuthorizationMatrix.Table matrix =
        AuthorizationMatrix.fromRepository().table(AuthorizationMatrix.SOAP);
    assertEquals(PARAMETERS.keySet(), matrix.cells().keySet(), "every operation has parameters");
    List<DynamicTest> tests = new ArrayList<>();
    for (String operation : matrix.cells().keySet()) {
      for (String caller : matrix.callers()) {
        String cell = matrix.cell(operation, caller);
        tests.add(
            DynamicTest.dynamicTest(
                operation + " × " + caller + " = " + cell,
                () -> {
                  String answer = call(operation, caller);
                  if (cell.equals("deny")) {
                    assertTrue(
                        answer.equals("NOT_AUTHORIZED") || answer.equals("TLS handshake refused"),
                        operation + " by " + caller + " was not refused: " + answer);
                  } else {
                    assertNotEquals("NOT_AUTHORIZED", answer, operation + " by " + caller);
                    assertNotEquals("TLS handshake refused", answer, operation + " by " + caller);
                  }
                }));
      }
    }
    return tests.stream();
  }

  /** The fault code the operation answers the caller, "answered" without one. */
  private static String call(String operation, String caller) throws Exception {
    String[] parts = operation.split("\\.");
    // the administrator calls with both factors of their login, at every service
    RaSoapClient client =
        caller.equals(ADMINISTRATOR)
            ? new RaSoapClient(
                callers.get(caller),
                server.httpsBase(),
                parts[0],
                "admin",
                FirstAdministrators.password(server, "admin"))
            : new RaSoapClient(callers.get(caller), server.httpsBase(), parts[0]);
    try {
      String code = client.faultCode(parts[1], PARAMETERS.get(operation));
      return code == null ? "answered" : code;
    } catch (IOException refusedInTheHandshake) {
      return "TLS handshake refused";
    }
  }

  private static String issuance() {
    return "<profile>personal-sign</profile><subjectDn>CN=Matrix,C=CN</subjectDn>"
        + "<pkcs10>x</pkcs10>";
  }
}
