package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.newOperator;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Account;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both factors of an operator at the admin SOAP service, seen through its thinnest operation
 * (listing the waiting requests): every refusal is NOT_AUTHORIZED, saying why.
 */
@ExtendWith(ServiceTier.class)
class OperatorCredentialsServiceTest {

  @Inject CaAdministration service;
  @Inject OperatorAdministration administration;

  private String refused(AdminCredentials credentials) {
    Refusal refused = assertThrows(Refusal.class, () -> service.waitingRequests(credentials));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    return refused.getMessage();
  }

  @Test
  void noClientCertificateIsRefused() {
    String why = refused(new AdminCredentials(null, "admin", "x".toCharArray()));
    assertTrue(why.contains("no TLS client certificate"), why);
  }

  @Test
  void aCertificateThatIsNoOperatorsLoginCertificateIsRefused() {
    String why = refused(new AdminCredentials(new byte[] {1, 2, 3}, "admin", "x".toCharArray()));
    assertTrue(why.contains("not the login certificate of an operator"), why);
  }

  @Test
  void aMissingPasswordIsRefused() {
    Staff admin = RaServiceFixtures.admin();
    String why = refused(new AdminCredentials(admin.certificate, admin.username, null));
    assertTrue(why.contains("no user name and password"), why);
  }

  @Test
  void anotherOperatorsUserNameIsRefused() {
    Staff admin = RaServiceFixtures.admin();
    String why = refused(new AdminCredentials(admin.certificate, "admin2", admin.password()));
    assertTrue(why.contains("not the one of the login certificate"), why);
  }

  @Test
  void aWrongPasswordIsRefusedAndCountedThoughTheCallRollsBack() {
    Staff auditor = newOperator(OperatorRole.AUDITOR, null);
    String why =
        refused(
            new AdminCredentials(
                auditor.certificate, auditor.username, "Wrong1pass".toCharArray()));
    assertTrue(why.contains("wrong password"), why);
    assertEquals(1, stored(auditor.username).getFailedLogins());
  }

  @Test
  void aLockedAccountIsRefusedEvenWithTheRightPassword() {
    Staff auditor = newOperator(OperatorRole.AUDITOR, null);
    for (int i = 0; i < Operator.MAX_FAILED_LOGINS; i++) {
      refused(
          new AdminCredentials(auditor.certificate, auditor.username, "Wrong1pass".toCharArray()));
    }
    String why = refused(auditor.credentials());
    assertTrue(why.contains("locked"), why);
  }

  @Test
  void aDeactivatedAccountIsRefused() {
    Staff auditor = newOperator(OperatorRole.AUDITOR, null);
    administration.deactivate(RaServiceFixtures.admin().token(), auditor.username);
    String why = refused(auditor.credentials());
    assertTrue(why.contains("deactivated"), why);
  }

  @Test
  void anExpiredLoginCertificateIsRefused() {
    Staff admin = RaServiceFixtures.admin();
    ServiceTier.clock().advance(Duration.ofDays(731));
    String why = refused(admin.credentials());
    assertTrue(why.contains("revoked or expired"), why);
  }

  @Test
  void aOneTimePasswordOpensNothingButItsReplacement() {
    Account account = RaServiceFixtures.newAccount(OperatorRole.SECURITY_ADMIN, null);
    String why =
        refused(
            new AdminCredentials(
                account.staff().certificate, account.staff().username, account.oneTime()));
    assertTrue(why.contains("one-time password"), why);
  }

  @Test
  void anOperatorWhoseRoleLacksThePermissionIsRefused() {
    String why = refused(shared(OperatorRole.AUDITOR).credentials());
    assertTrue(why.contains("needs APPROVE_REQUESTS"), why);
  }
}
