package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

/**
 * The first two security administrators of a run ({@code admin}, {@code admin2}) with the password
 * each chose: the first test to need one replaces its one-time password through {@code
 * CaAdminService.changePassword}, as an administrator without a browser would, and proves on the
 * way that nothing else is accepted with a one-time password.
 */
public final class FirstAdministrators {

  /** The password both choose (CPS 6.5.2.4). */
  public static final String PASSWORD = "Secur3!Key9";

  private static final Set<String> READY = new HashSet<>();

  private FirstAdministrators() {}

  /** {@code username}'s own password, once their one-time password has been replaced. */
  public static synchronized String password(CaServer server, String username) throws Exception {
    String key = server.home() + "/" + username;
    if (READY.contains(key)) {
      return PASSWORD;
    }
    String oneTime = server.firstAdminOneTimePassword(username);
    RaSoapClient withOneTime =
        new RaSoapClient(
            Tls.securityAdmin(server, username),
            server.httpsBase(),
            "CaAdminService",
            username,
            oneTime);
    RaSoapClient.DualControlRequest refused = withOneTime.getRequest(1);
    assertEquals("NOT_AUTHORIZED", refused.faultCode(), "a one-time password opened the service");
    assertTrue(refused.faultString().contains("one-time password"), refused.faultString());
    assertNull(withOneTime.changePassword(PASSWORD));
    READY.add(key);
    return PASSWORD;
  }
}
