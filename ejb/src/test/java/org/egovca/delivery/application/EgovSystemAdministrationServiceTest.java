package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.count;
import static org.egovca.delivery.application.DeliveryServiceFixtures.login;
import static org.egovca.delivery.application.DeliveryServiceFixtures.register;
import static org.egovca.delivery.application.DeliveryServiceFixtures.rsaRequest;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ra.application.Approval;
import org.egovca.ra.application.Approvals;
import org.egovca.ra.application.DualControlRequestView;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.OfflineCaToken;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class EgovSystemAdministrationServiceTest {

  /** A valid request whose key serves nobody: the refusals below never get as far as issuing. */
  private static String spareRequest;

  @Inject EgovSystemAdministration administration;
  @Inject Approvals approvals;

  @BeforeAll
  static void aSpareRequest() {
    spareRequest = rsaRequest("spare");
  }

  private static String admin() {
    return login(OperatorRole.SECURITY_ADMIN).token();
  }

  private Refusal refusedRegistration(String name, String unit, SubscriptionForm form) {
    return assertThrows(
        Refusal.class,
        () ->
            administration.register(
                admin(), new EgovSystemRegistration(name, unit, form, spareRequest)));
  }

  /** The refusal names the registration and nothing about {@code name} was written. */
  private static void assertRefusedWritingNothing(Refusal refused, String name, String part) {
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("egovSystem", refused.problems().get(0).field());
    assertTrue(refused.getMessage().contains(part), refused.getMessage());
    assertEquals(0, count("EgovSystem", "name", name));
    assertEquals(0, count("ClientAccount", "name", "egov-system:" + name));
    assertEquals(0, count("DualControlRequest", "target", "egov-system:" + name));
  }

  @Test
  void aRegistrationWithAnUnknownApplicationUnitIsRefusedNamingItAndWritesNothing() {
    String name = unique("ghost");
    Refusal refused = refusedRegistration(name, "NO-SUCH-UNIT", unreachable());
    assertRefusedWritingNothing(refused, name, "NO-SUCH-UNIT");
  }

  @Test
  void aMalformedCertificateRequestIsRefusedNamingItAndWritesNothing() {
    String name = unique("ghost");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.register(
                    admin(),
                    new EgovSystemRegistration(name, unit(), unreachable(), "not a PKCS#10")));
    assertRefusedWritingNothing(refused, name, "certificate request");
  }

  @Test
  void anFtpEndpointIsRefusedNamingTheRuleAndWritesNothing() {
    String name = unique("ghost");
    SubscriptionForm ftp =
        new SubscriptionForm("ftp://127.0.0.1/sync", "REALTIME", 0, List.of("ISSUE"), false, null);
    assertRefusedWritingNothing(
        refusedRegistration(name, unit(), ftp), name, "http:// or https://");
  }

  @Test
  void aPlainHttpEndpointIsRefusedUnlessTheAdministratorAllowsIt() {
    String name = unique("ghost");
    SubscriptionForm plain =
        new SubscriptionForm(
            DeliveryServiceFixtures.UNREACHABLE, "REALTIME", 0, List.of("ISSUE"), false, null);
    assertRefusedWritingNothing(refusedRegistration(name, unit(), plain), name, "must be https://");
  }

  @Test
  void anHttpsEndpointWithoutServerTrustAnchorsIsRefused() {
    String name = unique("ghost");
    SubscriptionForm https =
        new SubscriptionForm(
            "https://127.0.0.1:9/CertificateSyncService",
            "REALTIME",
            0,
            List.of("ISSUE"),
            false,
            null);
    assertRefusedWritingNothing(
        refusedRegistration(name, unit(), https), name, "server trust anchors");
  }

  @Test
  void anUnknownSyncModeOrBusinessTypeIsRefusedNamingIt() {
    String name = unique("ghost");
    String unit = unit();
    SubscriptionForm mode =
        new SubscriptionForm(
            DeliveryServiceFixtures.UNREACHABLE, "HOURLY", 0, List.of("ISSUE"), true, null);
    assertRefusedWritingNothing(refusedRegistration(name, unit, mode), name, "REALTIME or BATCH");
    SubscriptionForm type =
        new SubscriptionForm(
            DeliveryServiceFixtures.UNREACHABLE, "REALTIME", 0, List.of("GOSSIP"), true, null);
    assertRefusedWritingNothing(refusedRegistration(name, unit, type), name, "GOSSIP");
  }

  @Test
  void aBadSystemNameIsRefusedNamingTheRule() {
    Refusal refused = refusedRegistration("-no good", unit(), unreachable());
    assertRefusedWritingNothing(refused, "-no good", "the e-gov system name");
  }

  @Test
  void aNameThatIsTakenIsRefused() {
    String name = unique("taken");
    String unit = unit();
    register(name, unit, unreachable());
    Refusal refused = refusedRegistration(name, unit, unreachable());
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(refused.getMessage().contains("exists"), refused.getMessage());
    assertEquals(1, count("EgovSystem", "name", name));
    assertEquals(0, count("DualControlRequest", "target", "egov-system:" + name));
  }

  @Test
  void aRegistrationWaitsForASecondAdministratorWhoseApprovalIssuesTheClientCertificate() {
    String name = unique("sys");
    DualControlRequestView pending =
        administration.register(
            admin(), new EgovSystemRegistration(name, unit(), unreachable(), rsaRequest(name)));
    assertEquals(0, count("EgovSystem", "name", name));

    Approval approval =
        approvals.approve(
            DeliveryServiceFixtures.secondSecurityAdmin().token(), pending.id(), null);

    assertTrue(
        approval.request().result().startsWith("-----BEGIN CERTIFICATE-----"),
        approval.request().result());
    assertEquals(1, count("EgovSystem", "name", name));
    assertEquals(1, count("ClientAccount", "name", "egov-system:" + name));
  }

  @Test
  void anApprovalWhileTheCaTokenIsOfflineIsRefusedAsTheCasStateAndTheRequestWaits() {
    String name = unique("offline");
    DualControlRequestView pending =
        administration.register(
            admin(), new EgovSystemRegistration(name, unit(), unreachable(), rsaRequest(name)));
    String approver = DeliveryServiceFixtures.secondSecurityAdmin().token();

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      Refusal refused =
          assertThrows(Refusal.class, () -> approvals.approve(approver, pending.id(), null));
      assertEquals(RefusalCode.TOKEN_OFFLINE, refused.code(), refused.getMessage());
    }

    assertEquals(0, count("EgovSystem", "name", name));
    assertEquals(0, count("ClientAccount", "name", "egov-system:" + name));
    approvals.approve(approver, pending.id(), null);
    assertEquals(1, count("EgovSystem", "name", name));
  }

  @Test
  void anApprovalIsRefusedAndRolledBackWhenTheNameWasTakenMeanwhile() {
    String name = unique("race");
    String unit = unit();
    DualControlRequestView pending =
        administration.register(
            admin(), new EgovSystemRegistration(name, unit, unreachable(), rsaRequest(name)));
    register(name, unit, unreachable());
    String approver = DeliveryServiceFixtures.secondSecurityAdmin().token();

    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.approve(approver, pending.id(), null));
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains(name + " exists"), refused.getMessage());

    // one system, one client: the second registration left nothing; the request stays open
    assertEquals(1, count("EgovSystem", "name", name));
    assertEquals(1, count("ClientAccount", "name", "egov-system:" + name));
    assertEquals("PENDING", approvals.request(approver, pending.id()).state());
  }

  @Test
  void anOperatorWithoutTheRoleIsDeniedAndTheDenialAudited() {
    DeliveryServiceFixtures.Login maintainer = login(OperatorRole.SYSTEM_MAINTAINER);
    String name = unique("denied");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.register(
                    maintainer.token(),
                    new EgovSystemRegistration(name, unit(), unreachable(), spareRequest)));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(
        DeliveryServiceFixtures.audit(
                "operator:" + maintainer.username(), AuditAction.EGOV_SYSTEM_REGISTERED)
            .stream()
            .anyMatch(e -> e.getOutcome() == AuditOutcome.DENIED && name.equals(e.getTarget())));
    assertEquals(
        RefusalCode.NOT_AUTHORIZED,
        assertThrows(Refusal.class, () -> administration.systems(maintainer.token())).code());
    assertEquals(
        RefusalCode.NOT_AUTHORIZED,
        assertThrows(Refusal.class, () -> administration.setActive(maintainer.token(), name, false))
            .code());
  }

  @Test
  void aCallWithoutAnOpenSessionIsRefused() {
    Refusal refused = assertThrows(Refusal.class, () -> administration.systems("no-such-session"));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }

  @Test
  void pausingAnUnknownSystemIsRefusedNamingIt() {
    String name = unique("nobody");
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.setActive(admin(), name, false));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("egovSystem", refused.problems().get(0).field());
    assertTrue(refused.getMessage().contains(name), refused.getMessage());
  }

  @Test
  void aSystemIsPausedAndResumedAndBothAreAudited() {
    String name = unique("paused");
    register(name, unit(), unreachable());
    assertFalse(administration.setActive(admin(), name, false).active());
    assertTrue(
        administration.systems(admin()).stream()
            .anyMatch(system -> system.name().equals(name) && !system.active()));
    assertTrue(administration.setActive(admin(), name, true).active());
    String actor = "operator:" + login(OperatorRole.SECURITY_ADMIN).username();
    assertTrue(
        DeliveryServiceFixtures.audit(actor, AuditAction.EGOV_SYSTEM_DEACTIVATED).stream()
            .anyMatch(e -> e.getTarget().equals("egov-system:" + name)));
    assertTrue(
        DeliveryServiceFixtures.audit(actor, AuditAction.EGOV_SYSTEM_ACTIVATED).stream()
            .anyMatch(e -> e.getTarget().equals("egov-system:" + name)));
  }

  @Test
  void aKeyTheTlsProfileDoesNotTakeIsAcceptedWhenAskedButRefusedWhenApproved() {
    String name = unique("p256");
    DualControlRequestView pending =
        administration.register(
            admin(),
            new EgovSystemRegistration(
                name, unit(), unreachable(), DeliveryServiceFixtures.p256Request(name)));
    String approver = DeliveryServiceFixtures.secondSecurityAdmin().token();

    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.approve(approver, pending.id(), null));

    // a fault of the request, as the other faults of it are refused, not UNSUPPORTED_KEY
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(
        refused.getMessage().contains("the certificate request: EC key on curve"),
        refused.getMessage());
    assertEquals(0, count("EgovSystem", "name", name));
    assertEquals(0, count("ClientAccount", "name", "egov-system:" + name));
    assertEquals("PENDING", approvals.request(approver, pending.id()).state());
    approvals.withdraw(admin(), pending.id());
  }

  @Test
  void aRegistrationTooLargeToWaitForApprovalIsRefusedAndNothingWaits() {
    String name = unique("large");
    // eight anchors of 2.5 KB each: within their own limit, beyond what a request can hold
    SubscriptionForm https =
        new SubscriptionForm(
            "https://127.0.0.1:9/CertificateSyncService",
            "REALTIME",
            0,
            List.of("ISSUE"),
            false,
            largeAnchors(8));
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.register(
                    admin(), new EgovSystemRegistration(name, unit(), https, spareRequest)));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("dualControl.tooLarge", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains("cannot wait for approval"), refused.getMessage());
    assertEquals(0, count("DualControlRequest", "target", "egov-system:" + name));
  }

  /** {@code n} self-signed anchors, each with 2 KB of a private extension: short to describe. */
  private static String largeAnchors(int n) {
    KeyPair key = TestKeys.ecKeyPair("secp256r1");
    Instant now = Instant.now();
    StringBuilder pem = new StringBuilder();
    for (int i = 0; i < n; i++) {
      X500Name subject = new X500Name("CN=Anchor " + i);
      try {
        pem.append(
            Pem.text(
                "CERTIFICATE",
                new JcaX509v3CertificateBuilder(
                        subject,
                        BigInteger.valueOf(i + 1L),
                        Date.from(now),
                        Date.from(now.plus(Duration.ofDays(365))),
                        subject,
                        key.getPublic())
                    .addExtension(
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"),
                        false,
                        new DEROctetString(new byte[2048]))
                    .build(TestKeys.signer("SHA256withECDSA", key.getPrivate()))
                    .getEncoded()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pem.toString();
  }
}
