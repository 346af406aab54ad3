package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.egovca.ra.application.RaServiceFixtures.requestsAbout;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.stateOf;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.RemoteRaRegistry;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin SOAP service says the console's refusals in its own words: NOT_AUTHORIZED for who may
 * not (separation of duties included), MALFORMED_REQUEST naming what is wrong. What it asks for
 * (remote RAs, their units, CA key rollovers) waits once per target, and a remote RA's registration
 * is checked again when approved: a refused one leaves nothing registered and the request waiting.
 */
@ExtendWith(ServiceTier.class)
class CaAdministrationBeanServiceTest {

  /** A request for an RSA key no credential has: the requests made with it are never approved. */
  private static String spareRequest;

  @Inject CaAdministration service;
  @Inject OperatorAdministration administration;
  @Inject Approvals approvals;
  @Inject CaConfiguration configuration;

  @BeforeAll
  static void aSpareRequest() {
    spareRequest = RaServiceFixtures.certificateRequest();
  }

  private static String remoteRa(String name) {
    return RemoteRaRegistry.qualifiedName(name);
  }

  private static long accountsNamed(String name) {
    return ServiceTier.inTransaction(
        em ->
            em.createNamedQuery(ClientAccount.BY_NAME, ClientAccount.class)
                .setParameter("name", name)
                .getResultStream()
                .count());
  }

  /** The refusal of a caller without the permission: it names it, and the denial is audited. */
  private static void denied(Refusal refused, Staff caller, String operation, String permission) {
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(
        refused.getMessage().contains(operation + " needs " + permission), refused.getMessage());
    AuditEvent denial =
        RaServiceFixtures.auditEvents(AuditAction.OPERATOR_AUTHENTICATION, operation).get(0);
    assertEquals("operator:" + caller.username, denial.getActor());
    assertEquals(AuditOutcome.DENIED, denial.getOutcome());
  }

  private static void malformed(Refusal refused, String part) {
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains(part), refused.getMessage());
  }

  /** A registration refused as malformed when asked for: no request about the name waits. */
  private void malformedRegistration(String name, List<String> units, String request, String part) {
    malformed(
        assertThrows(
            Refusal.class,
            () ->
                service.registerRemoteRa(
                    admin().credentials(),
                    new RemoteRaRegistry.Registration(name, units, request))),
        part);
    assertEquals(0, requestsAbout(remoteRa(name)));
  }

  /**
   * A registration approved after it was asked for and refused then: the request still waits and
   * nothing was registered but what {@code accounts} says, and the failure is audited.
   */
  private void refusedApproval(DualControlRequestView request, String name, long accounts) {
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertEquals(accounts, accountsNamed(name));
    assertTrue(
        RaServiceFixtures.auditEvents(AuditAction.DUAL_CONTROL_APPROVED, "request:" + request.id())
            .stream()
            .anyMatch(event -> event.getOutcome() == AuditOutcome.FAILURE));
    approvals.withdraw(admin().token(), request.id());
  }

  private DualControlRequestView askForRemoteRa(String name, String request) {
    return service.registerRemoteRa(
        admin().credentials(), new RemoteRaRegistry.Registration(name, List.of(), request));
  }

  /** Registers a remote RA as an approved request does, with no request of its own. */
  private static void registeredMeanwhile(String name, String request) {
    ServiceTier.inTransaction(
        em ->
            RaServiceFixtures.service(RemoteRaRegistry.class)
                .register(
                    new RemoteRaRegistry.Registration(name, List.of(), request), "service-test"));
  }

  @Test
  void aMalformedUnitCodeIsInvalidInputNamingTheField() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.createApplicationUnit(admin().credentials(), "a b", "Unit"));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(refused.getMessage().startsWith("unitCode: "), refused.getMessage());
  }

  @Test
  void approvingOnesOwnRequestBreaksTheSeparationOfDuties() {
    DualControlRequestView request =
        administration.requestOperator(
            admin().token(),
            RaServiceFixtures.newOperatorForm(
                RaServiceFixtures.uniqueName("soap"), OperatorRole.AUDITOR, null));
    Refusal refused =
        assertThrows(
            Refusal.class, () -> service.approveRequest(admin().credentials(), request.id(), null));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertEquals(DualControlRequest.State.PENDING, RaServiceFixtures.stateOf(request.id()));
    service.withdrawRequest(admin().credentials(), request.id());
  }

  @Test
  void anUnknownRequestIsNotFound() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.rejectRequest(admin2().credentials(), Long.MAX_VALUE, null));
    assertEquals(RefusalCode.NOT_FOUND, refused.code());
    assertTrue(refused.getMessage().contains("no request"), refused.getMessage());
  }

  @Test
  void aKeyRolloverOfAnUnknownCaIsRefused() {
    Refusal refused =
        assertThrows(
            Refusal.class, () -> service.rollOverCaKey(admin().credentials(), "no-such-ca"));
    assertEquals(RefusalCode.CA_UNAVAILABLE, refused.code());
  }

  @Test
  void aNewPasswordBreakingTheRulesIsInvalidInputAndChangesNothing() {
    Staff admin2 = admin2();
    String before = RaServiceFixtures.stored(admin2.username).getPasswordHash();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.changePassword(admin2.credentials(), "admin2admin2".toCharArray()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(refused.getMessage().contains("newPassword"), refused.getMessage());
    assertEquals(before, RaServiceFixtures.stored(admin2.username).getPasswordHash());
  }

  @Test
  void anOperatorWithoutThePermissionCannotCreateAUnit() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                service.createApplicationUnit(
                    RaServiceFixtures.shared(OperatorRole.REVIEWER).credentials(),
                    RaServiceFixtures.uniqueName("u"),
                    "Unit"));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains("needs MANAGE_OPERATORS"), refused.getMessage());
  }

  @Test
  void anOperatorWithoutThePermissionCannotAskForARemoteRaAndTheDenialIsAudited() {
    Staff reviewer = shared(OperatorRole.REVIEWER);
    String name = uniqueName("ra");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                service.registerRemoteRa(
                    reviewer.credentials(),
                    new RemoteRaRegistry.Registration(name, List.of(), spareRequest)));
    denied(refused, reviewer, "registerRemoteRa", "MANAGE_REMOTE_RAS");
    assertEquals(0, requestsAbout(remoteRa(name)));
  }

  @Test
  void aRemoteRaNameOutsideTheSyntaxIsMalformedAndNothingWaits() {
    malformedRegistration(
        "Not A Name", List.of(), spareRequest, "a remote RA's name has 2 to 64 lower-case letters");
  }

  @Test
  void aRemoteRaWithoutANameIsRefusedNamingTheField() {
    // not the account name "null"
    malformedRegistration(null, List.of(), spareRequest, "name is required");
    malformedRegistration(" ", List.of(), spareRequest, "name is required");
  }

  @Test
  void aRemoteRaForAnUnknownUnitIsMalformedAndNothingWaits() {
    String code = uniqueName("none");
    malformedRegistration(
        uniqueName("ra"), List.of(code), spareRequest, "there is no application unit " + code);
  }

  @Test
  void aRemoteRaWhoseRequestIsNoPkcs10IsMalformedAndNothingWaits() {
    malformedRegistration(
        uniqueName("ra"), List.of(), "not a request", "the certificate request: pkcs10");
  }

  @Test
  void theSameRemoteRaCannotBeAskedForTwiceWhileTheFirstRequestWaits() {
    String name = uniqueName("ra");
    DualControlRequestView first = askForRemoteRa(name, spareRequest);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                service.registerRemoteRa(
                    admin2().credentials(),
                    new RemoteRaRegistry.Registration(name, List.of(), spareRequest)));
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertEquals("dualControl.alreadyRequested", refused.problems().get(0).key());
    assertEquals(1, requestsAbout(remoteRa(name)));
    approvals.withdraw(admin().token(), first.id());
  }

  @Test
  void aKeyTheTlsProfileDoesNotTakeIsAcceptedWhenAskedButRefusedWhenApproved() {
    String name = uniqueName("ra");
    DualControlRequestView request =
        askForRemoteRa(
            name,
            RaServiceFixtures.certificateRequest(
                TestKeys.ecKeyPair("secp256r1"), "SHA256withECDSA"));
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.approveRequest(admin2().credentials(), request.id(), null));
    // in the admin service's terms, as a fault of the request, not UNSUPPORTED_KEY
    malformed(refused, "the certificate request: EC key on curve 1.2.840.10045.3.1.7");
    refusedApproval(request, name, 0);
  }

  @Test
  void aRemoteRaWhoseNameWasTakenMeanwhileIsRefusedWhenApproved() {
    String name = uniqueName("ra");
    String certificateRequest = RaServiceFixtures.certificateRequest();
    DualControlRequestView request = askForRemoteRa(name, certificateRequest);
    registeredMeanwhile(name, certificateRequest);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.approveRequest(admin2().credentials(), request.id(), null));
    malformed(refused, "a remote RA named " + name + " exists");
    refusedApproval(request, name, 1);
  }

  @Test
  void aRemoteRaWhoseKeyWasTakenMeanwhileIsRefusedWhenApproved() {
    String name = uniqueName("ra");
    String certificateRequest = RaServiceFixtures.certificateRequest();
    DualControlRequestView request = askForRemoteRa(name, certificateRequest);
    registeredMeanwhile(uniqueName("ra"), certificateRequest);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.approveRequest(admin2().credentials(), request.id(), null));
    malformed(refused, "already belongs to the credential");
    refusedApproval(request, name, 0);
  }

  @Test
  void anOperatorWithoutThePermissionCannotAskForOtherUnitsOfARemoteRa() {
    Staff reviewer = shared(OperatorRole.REVIEWER);
    long before = requestsAbout(remoteRa("demo-ra"));
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                service.changeRemoteRaUnits(
                    reviewer.credentials(), new RemoteRaRegistry.Units("demo-ra", List.of())));
    denied(refused, reviewer, "changeRemoteRaUnits", "MANAGE_REMOTE_RAS");
    assertEquals(before, requestsAbout(remoteRa("demo-ra")));
  }

  @Test
  void otherUnitsOfAnUnknownRemoteRaOrUnknownUnitsAreMalformedAndNothingWaits() {
    String name = uniqueName("ra");
    malformed(
        assertThrows(
            Refusal.class,
            () ->
                service.changeRemoteRaUnits(
                    admin().credentials(), new RemoteRaRegistry.Units(name, List.of()))),
        "there is no remote RA " + name);
    assertEquals(0, requestsAbout(remoteRa(name)));

    String code = uniqueName("none");
    long before = requestsAbout(remoteRa("demo-ra"));
    malformed(
        assertThrows(
            Refusal.class,
            () ->
                service.changeRemoteRaUnits(
                    admin().credentials(), new RemoteRaRegistry.Units("demo-ra", List.of(code)))),
        "there is no application unit " + code);
    assertEquals(before, requestsAbout(remoteRa("demo-ra")));
  }

  @Test
  void otherUnitsCannotBeAskedForTwiceWhileTheFirstRequestWaits() {
    DualControlRequestView first =
        service.changeRemoteRaUnits(
            admin().credentials(),
            new RemoteRaRegistry.Units("demo-ra", List.of(RaServiceFixtures.newUnit())));
    try {
      Refusal refused =
          assertThrows(
              Refusal.class,
              () ->
                  service.changeRemoteRaUnits(
                      admin2().credentials(), new RemoteRaRegistry.Units("demo-ra", List.of())));
      assertEquals(RefusalCode.WRONG_STATE, refused.code());
      assertEquals("dualControl.alreadyRequested", refused.problems().get(0).key());
    } finally {
      approvals.withdraw(admin().token(), first.id());
    }
  }

  @Test
  void anOperatorWithoutThePermissionCannotAskForAKeyRollover() {
    Staff reviewer = shared(OperatorRole.REVIEWER);
    String target = "ca:" + configuration.rsaCaName();
    long before = requestsAbout(target);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.rollOverCaKey(reviewer.credentials(), configuration.rsaCaName()));
    denied(refused, reviewer, "rollOverCaKey", "MANAGE_CA_KEYS");
    assertEquals(before, requestsAbout(target));
  }

  @Test
  void aSecondRolloverOfTheSameCaCannotWaitWhileTheFirstDoes() {
    // never approved here: a rollover changes the CA every other test issues from
    String ca = configuration.rsaCaName();
    DualControlRequestView first = service.rollOverCaKey(admin().credentials(), ca);
    try {
      Refusal refused =
          assertThrows(Refusal.class, () -> service.rollOverCaKey(admin2().credentials(), ca));
      assertEquals(RefusalCode.WRONG_STATE, refused.code());
      assertEquals("dualControl.alreadyRequested", refused.problems().get(0).key());
    } finally {
      approvals.withdraw(admin().token(), first.id());
    }
    assertEquals(DualControlRequest.State.WITHDRAWN, stateOf(first.id()));
  }

  @Test
  void theSamePasswordAgainIsRefusedAndChangesNothing() {
    Staff admin2 = admin2();
    String before = RaServiceFixtures.stored(admin2.username).getPasswordHash();
    Refusal refused =
        assertThrows(
            Refusal.class, () -> service.changePassword(admin2.credentials(), admin2.password()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("newPassword", refused.problems().get(0).field());
    assertEquals("password.unchanged", refused.problems().get(0).key());
    assertEquals(before, RaServiceFixtures.stored(admin2.username).getPasswordHash());
  }
}
