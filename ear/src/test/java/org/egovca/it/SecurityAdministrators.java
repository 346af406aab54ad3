package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The first two security administrators, each calling {@code CaAdminService} with both factors of
 * their own login (certificate and password): one asks for a supervised action, the other approves
 * it (dual control).
 */
public final class SecurityAdministrators {

  /** What one administrator asks of the service. */
  @FunctionalInterface
  interface Ask {
    RaSoapClient.DualControlRequest of(RaSoapClient service) throws Exception;
  }

  final RaSoapClient admin;
  final RaSoapClient admin2;

  private SecurityAdministrators(RaSoapClient admin, RaSoapClient admin2) {
    this.admin = admin;
    this.admin2 = admin2;
  }

  public static SecurityAdministrators of(CaServer server) throws Exception {
    return new SecurityAdministrators(service(server, "admin"), service(server, "admin2"));
  }

  /** {@code CaAdminService} as {@code username} calls it: login certificate and password. */
  private static RaSoapClient service(CaServer server, String username) throws Exception {
    return new RaSoapClient(
        Tls.securityAdmin(server, username),
        server.httpsBase(),
        "CaAdminService",
        username,
        FirstAdministrators.password(server, username));
  }

  /**
   * Lets the demo RA place certificates into {@code units} as well as those it had (dual control).
   */
  public void authoriseDemoRa(CaServer server, String... units) throws Exception {
    java.util.Set<String> all = new java.util.TreeSet<>(java.util.List.of(units));
    all.addAll(new Records(server).remoteRaUnits("demo-ra"));
    approved(admin -> admin.changeRemoteRaUnits("demo-ra", java.util.List.copyOf(all)));
  }

  /** {@code admin} asks, {@code admin2} approves; the approved request, with its result. */
  RaSoapClient.DualControlRequest approved(Ask ask) throws Exception {
    RaSoapClient.DualControlRequest request = ask.of(admin);
    assertFalse(request.refused(), () -> "asking was refused: " + request.faultString());
    assertEquals("PENDING", request.state());
    RaSoapClient.DualControlRequest approval = admin2.approveRequest(request.id(), null);
    assertFalse(approval.refused(), () -> "approval was refused: " + approval.faultString());
    assertEquals("APPROVED", approval.state());
    return approval;
  }
}
