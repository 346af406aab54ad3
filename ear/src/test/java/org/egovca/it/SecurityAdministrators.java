package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The first two security administrators, each calling {@code CaAdminService} with their own login
 * certificate: one asks for a supervised action, the other approves it (dual control).
 */
final class SecurityAdministrators {

  /** What one administrator asks of the service. */
  @FunctionalInterface
  interface Ask {
    RaSoapClient.Supervised of(RaSoapClient service) throws Exception;
  }

  final RaSoapClient admin;
  final RaSoapClient admin2;

  private SecurityAdministrators(RaSoapClient admin, RaSoapClient admin2) {
    this.admin = admin;
    this.admin2 = admin2;
  }

  static SecurityAdministrators of(CaServer server) throws Exception {
    return new SecurityAdministrators(
        new RaSoapClient(Tls.securityAdmin(server, "admin"), server.httpsBase(), "CaAdminService"),
        new RaSoapClient(
            Tls.securityAdmin(server, "admin2"), server.httpsBase(), "CaAdminService"));
  }

  /** {@code admin} asks, {@code admin2} approves; the approved request, with its result. */
  RaSoapClient.Supervised approved(Ask ask) throws Exception {
    RaSoapClient.Supervised request = ask.of(admin);
    assertFalse(request.refused(), () -> "asking was refused: " + request.faultString());
    assertEquals("PENDING", request.state());
    RaSoapClient.Supervised approval = admin2.approveRequest(request.id(), null);
    assertFalse(approval.refused(), () -> "approval was refused: " + approval.faultString());
    assertEquals("APPROVED", approval.state());
    return approval;
  }
}
