package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.count;
import static org.egovca.delivery.application.DeliveryServiceFixtures.login;
import static org.egovca.delivery.application.DeliveryServiceFixtures.rsaRequest;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.AdminCredentials;
import org.egovca.ra.application.DualControlRequestView;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin SOAP service's registration of e-gov systems: refusals in the SOAP service's words. */
@ExtendWith(ServiceTier.class)
class EgovSystemAdminServiceTest {

  /** A valid request whose key serves nobody: the refusals below never get as far as issuing. */
  private static String spareRequest;

  @Inject EgovSystemAdminService service;

  @BeforeAll
  static void aSpareRequest() {
    spareRequest = rsaRequest("spare");
  }

  private static DeliveryServiceFixtures.Login admin() {
    return login(OperatorRole.SECURITY_ADMIN);
  }

  private static EgovSystemRegistration registration(String name) {
    return new EgovSystemRegistration(name, unit(), unreachable(), spareRequest);
  }

  private static long pending(String name) {
    return count("DualControlRequest", "target", "egov-system:" + name);
  }

  /** How many denials of a registration {@code actor} has on record for {@code reason}. */
  private static long denials(String actor, String reason) {
    return DeliveryServiceFixtures.audit(actor, AuditAction.OPERATOR_AUTHENTICATION).stream()
        .filter(
            e ->
                e.getOutcome() == AuditOutcome.DENIED
                    && "registerEgovSystem".equals(e.getTarget())
                    && reason.equals(e.getDetail()))
        .count();
  }

  /**
   * The call with {@code credentials} is refused as NOT_AUTHORIZED for {@code reason}, the denial
   * is audited under {@code actor}, and no request waits for approval.
   */
  private void assertDenied(AdminCredentials credentials, String actor, String reason) {
    String name = unique("denied");
    long before = denials(actor, reason);
    Refusal refused =
        assertThrows(Refusal.class, () -> service.register(credentials, registration(name)));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals(reason, refused.getMessage());
    assertEquals(before + 1, denials(actor, reason));
    assertEquals(0, pending(name));
  }

  @Test
  void aRegistrationWaitsForASecondAdministrator() {
    String name = unique("soap");
    DualControlRequestView request = service.register(admin().credentials(), registration(name));
    assertEquals("PENDING", request.state());
    assertEquals("egov-system:" + name, request.target());
    assertEquals(1, pending(name));
    assertEquals(0, count("EgovSystem", "name", name));
  }

  @Test
  void aSecondRequestForTheSameSystemIsRefusedWhileTheFirstWaits() {
    String name = unique("twice");
    service.register(admin().credentials(), registration(name));
    Refusal refused =
        assertThrows(
            Refusal.class, () -> service.register(admin().credentials(), registration(name)));
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertTrue(refused.getMessage().contains("already waiting for approval"), refused.getMessage());
    assertEquals(1, pending(name));
  }

  @Test
  void anUnknownUnitIsRefusedNamingItAndNothingWaits() {
    String name = unique("ghost");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                service.register(
                    admin().credentials(),
                    new EgovSystemRegistration(name, "NO-SUCH-UNIT", unreachable(), spareRequest)));
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains("NO-SUCH-UNIT"), refused.getMessage());
    assertEquals(0, pending(name));
  }

  @Test
  void aCallWithoutALoginCertificateIsDeniedAndAudited() {
    assertDenied(
        new AdminCredentials(null, admin().username(), "whatever".toCharArray()),
        "anonymous",
        "no TLS client certificate was presented");
  }

  @Test
  void aCertificateThatIsNoOperatorsLoginCertificateIsDeniedAndAudited() {
    assertDenied(
        new AdminCredentials(
            DeliveryServiceFixtures.demoRaCertificate(),
            admin().username(),
            "whatever".toCharArray()),
        "anonymous",
        "the client certificate is not the login certificate of an operator");
  }

  @Test
  void aCallWithoutAPasswordIsDeniedAndAudited() {
    DeliveryServiceFixtures.Login admin = admin();
    assertDenied(
        new AdminCredentials(admin.certificate(), admin.username(), null),
        "operator:" + admin.username(),
        "no user name and password were given: send them with HTTP basic authentication,"
            + " with the login certificate");
  }

  @Test
  void anotherOperatorsUserNameIsDeniedAndAudited() {
    DeliveryServiceFixtures.Login admin = admin();
    assertDenied(
        new AdminCredentials(admin.certificate(), "admin2", "whatever".toCharArray()),
        "operator:" + admin.username(),
        "the user name is not the one of the login certificate");
  }

  @Test
  void aWrongPasswordIsDeniedAndAudited() {
    DeliveryServiceFixtures.Login own =
        DeliveryServiceFixtures.newLogin(OperatorRole.SECURITY_ADMIN);
    assertDenied(
        new AdminCredentials(own.certificate(), own.username(), "Wrong-password-1".toCharArray()),
        "operator:" + own.username(),
        "wrong password");
  }

  @Test
  void anOperatorWithoutThePermissionIsDeniedAndAudited() {
    DeliveryServiceFixtures.Login maintainer = login(OperatorRole.SYSTEM_MAINTAINER);
    String name = unique("denied");
    Refusal refused =
        assertThrows(
            Refusal.class, () -> service.register(maintainer.credentials(), registration(name)));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains("needs MANAGE_EGOV_SYSTEMS"), refused.getMessage());
    assertTrue(
        DeliveryServiceFixtures.audit(
                "operator:" + maintainer.username(), AuditAction.OPERATOR_AUTHENTICATION)
            .stream()
            .anyMatch(
                e ->
                    e.getOutcome() == AuditOutcome.DENIED
                        && e.getDetail().equals(refused.getMessage())));
    assertEquals(0, pending(name));
  }
}
