package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.egovca.ra.application.RaServiceFixtures.newOperatorForm;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.stateOf;
import static org.egovca.ra.application.RaServiceFixtures.submittedApplication;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.RemoteRaRegistry;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.x509.OfflineToken;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.OfflineCaToken;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The RA console and the admin service while the CA's token waits for its key custodians: every
 * decision that needs a signature (an application's certificate, an operator's or a remote RA's
 * login certificate, a CA key rollover) is refused with TOKEN_OFFLINE in the console's words,
 * nothing of it is written and the application or request still waits, to be decided once the token
 * is active; a revocation, which signs nothing, is carried out (its CRL follows the activation).
 */
@ExtendWith(ServiceTier.class)
class OfflineCaTokenConsoleServiceTest {

  @Inject ApplicationReview review;
  @Inject RaQueries queries;
  @Inject OperatorAdministration administration;
  @Inject Approvals approvals;
  @Inject CaAdministration caAdministration;
  @Inject CaConfiguration configuration;

  @AfterEach
  void activeAgain() {
    OfflineCaToken.activateByTheCustodians();
  }

  private static void refusedOffline(Refusal refusal) {
    assertEquals(RefusalCode.TOKEN_OFFLINE, refusal.code(), refusal.getMessage());
    assertEquals(OfflineToken.MESSAGE_KEY, refusal.problems().get(0).key(), "translated");
    assertEquals(null, refusal.problems().get(0).field(), "no field of the form is at fault");
  }

  private ApplicationState applicationState(long id) {
    return queries.application(shared(OperatorRole.REVIEWER).token(), id).summary().state();
  }

  @Test
  void anApplicationApprovedWhileTheTokenIsOfflineStillWaitsAndIsApprovedOnceItIsActive() {
    String reviewer = shared(OperatorRole.REVIEWER).token();
    long id = submittedApplication(null);
    List<String> tasksBefore = ServiceTier.tasks().waiting();

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      refusedOffline(assertThrows(Refusal.class, () -> review.approve(reviewer, id, null)));
      assertEquals(tasksBefore, ServiceTier.tasks().waiting(), "no notice, no delivery");
    }

    assertEquals(ApplicationState.SUBMITTED, applicationState(id));
    assertTrue(
        RaServiceFixtures.auditEvents(AuditAction.APPLICATION_APPROVED, Application.reference(id))
            .stream()
            .anyMatch(event -> event.getOutcome() == AuditOutcome.FAILURE),
        "the refusal is audited");
    assertNotNull(review.approve(reviewer, id, null).certificateSerial());
  }

  @Test
  void aRevocationWhileTheTokenIsOfflineIsCarriedOut() {
    String reviewer = shared(OperatorRole.REVIEWER).token();
    String serial = review.approve(reviewer, submittedApplication(null), null).certificateSerial();

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      review.forceRevocation(reviewer, serial, "E", "key lost while the CA waits");
    }

    assertEquals(
        CertificateStatus.REVOKED,
        ServiceTier.inTransaction(
            em ->
                em.createQuery(
                        "SELECT c.status FROM IssuedCertificate c WHERE c.serialNumber = :serial",
                        CertificateStatus.class)
                    .setParameter("serial", serial)
                    .getSingleResult()));
  }

  @Test
  void anOperatorApprovedWhileTheTokenIsOfflineIsRefusedAsTheCasStateNotTheForms() {
    DualControlRequestView request =
        administration.requestOperator(
            admin().token(), newOperatorForm(uniqueName("op"), OperatorRole.REVIEWER, null));
    String approver = admin2().token();

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      refusedOffline(
          assertThrows(Refusal.class, () -> approvals.approve(approver, request.id(), null)));
    }

    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertEquals("APPROVED", approvals.approve(approver, request.id(), null).request().state());
  }

  @Test
  void aRemoteRaRegisteredOverTheAdminServiceWhileTheTokenIsOfflineWaitsForTheToken() {
    String name = uniqueName("ra");
    DualControlRequestView request =
        caAdministration.registerRemoteRa(
            admin().credentials(),
            new RemoteRaRegistry.Registration(
                name, List.of(), RaServiceFixtures.certificateRequest()));

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      refusedOffline(
          assertThrows(
              Refusal.class,
              () -> caAdministration.approveRequest(admin2().credentials(), request.id(), null)));
    }

    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertEquals(
        "APPROVED",
        caAdministration
            .approveRequest(admin2().credentials(), request.id(), null)
            .request()
            .state());
  }

  @Test
  void aCaKeyRolloverApprovedWhileTheTokenIsOfflineMakesNoKey() {
    // the approval touches no key (three custodians carry it out in a ceremony), so an offline
    // token does not stand in its way
    String ca = configuration.rsaCaName();
    DualControlRequestView request = caAdministration.rollOverCaKey(admin().credentials(), ca);
    Set<String> keys = OfflineCaToken.token().aliases();

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      assertEquals(
          "APPROVED",
          caAdministration
              .approveRequest(admin2().credentials(), request.id(), null)
              .request()
              .state());
    }

    assertEquals(keys, OfflineCaToken.token().aliases(), "no key was made");
    // never carried out: the other tests share this CA, and the approval lapses after a week
  }
}
