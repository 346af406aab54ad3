package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.audit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.bean;
import static org.egovca.delivery.application.DeliveryServiceFixtures.count;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queueOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.register;
import static org.egovca.delivery.application.DeliveryServiceFixtures.rsaRequest;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBTransactionRequiredException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.Pem;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry behind both front doors, called as they call it: inside their transaction. */
@ExtendWith(ServiceTier.class)
class EgovSystemRegistryServiceTest {

  private static EgovSystemRegistry registry() {
    return bean(EgovSystemRegistry.class);
  }

  private static Refusal refusedRegistration(EgovSystemRegistration registration) {
    return assertThrows(
        Refusal.class,
        () -> ServiceTier.inTransaction(em -> registry().register(registration, "test")));
  }

  /** MALFORMED_REQUEST naming {@code part}, and nothing about {@code name} written. */
  private static void assertRefusedWritingNothing(Refusal refused, String name, String part) {
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains(part), refused.getMessage());
    assertEquals(0, count("EgovSystem", "name", name));
    assertEquals(0, count("ClientAccount", "name", "egov-system:" + name));
    assertEquals(0, count("AuditEvent", "target", "egov-system:" + name));
  }

  @Test
  void aRegistrationGivesTheSystemItsQueueAndClientCertificateAndIsAudited() {
    String name = unique("reg");
    String actor = unique("operator:reg");
    EgovSystemRegistration registration =
        new EgovSystemRegistration(name, unit(), unreachable(), rsaRequest(name));

    EgovSystemRegistry.Registered registered =
        ServiceTier.inTransaction(em -> registry().register(registration, actor));

    assertEquals(name, registered.system().name());
    assertEquals(
        2, registered.clientCertificatePem().split("-----BEGIN CERTIFICATE-----").length - 1);
    assertEquals(0, queue(queueOf(registered)).getFailures());
    assertEquals(1, count("ClientAccount", "name", "egov-system:" + name));
    AuditEvent record = audit(actor, AuditAction.EGOV_SYSTEM_REGISTERED).get(0);
    assertEquals("egov-system:" + name, record.getTarget());
    assertTrue(
        record
            .getDetail()
            .contains("endpoint=" + DeliveryServiceFixtures.UNREACHABLE + " PLAIN-HTTP-ALLOWED"),
        record.getDetail());
    assertTrue(
        ServiceTier.inTransaction(em -> registry().all()).stream()
            .anyMatch(system -> system.name().equals(name)));
  }

  @Test
  void anUnknownUnitIsRefusedNamingIt() {
    String name = unique("ghost");
    Refusal refused =
        refusedRegistration(
            new EgovSystemRegistration(name, "NO-SUCH-UNIT", unreachable(), rsaRequest(name)));
    assertRefusedWritingNothing(refused, name, "NO-SUCH-UNIT");
  }

  @Test
  void aTakenNameIsRefusedAndTheFirstSystemIsKept() {
    String name = unique("taken");
    String unit = unit();
    register(name, unit, unreachable());
    Refusal refused =
        refusedRegistration(
            new EgovSystemRegistration(name, unit, unreachable(), rsaRequest("second")));
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains(name + " exists"), refused.getMessage());
    assertEquals(1, count("EgovSystem", "name", name));
    assertEquals(1, count("ClientAccount", "name", "egov-system:" + name));
  }

  /** The form's constraints refuse like the system's own rules: no field, every problem. */
  @Test
  void aSubscriptionFormBreakingItsConstraintsIsRefusedWithEachProblemAndWritesNothing() {
    String name = unique("ghost");
    SubscriptionForm form = unreachable();
    form.setSyncMode("HOURLY");
    form.setBusinessTypes(java.util.List.of("ISSUE", "GOSSIP"));
    Refusal refused =
        refusedRegistration(new EgovSystemRegistration(name, unit(), form, rsaRequest(name)));
    assertRefusedWritingNothing(refused, name, "REALTIME or BATCH");
    assertEquals(
        java.util.List.of("egovSystem.syncMode", "egovSystem.businessType"),
        refused.problems().stream().map(Refusal.Problem::key).toList());
    assertTrue(refused.problems().stream().allMatch(p -> p.field() == null));
    assertTrue(refused.getMessage().contains("'GOSSIP'"), refused.getMessage());
  }

  @Test
  void anOverlongCertificateRequestIsRefusedNamingTheLimit() {
    String name = unique("ghost");
    Refusal refused =
        refusedRegistration(
            new EgovSystemRegistration(name, unit(), unreachable(), "x".repeat(8193)));
    assertRefusedWritingNothing(refused, name, "longer than 8192 characters");
  }

  @Test
  void aRequestWhoseSignatureDoesNotProveTheKeyIsRefused() {
    String name = unique("ghost");
    Refusal refused =
        refusedRegistration(
            new EgovSystemRegistration(name, unit(), unreachable(), withBrokenSignature(name)));
    assertRefusedWritingNothing(refused, name, "the certificate request: ");
  }

  @Test
  void aKeyThatIsAlreadyAClientsKeyIsRefused() {
    String first = unique("first");
    String unit = unit();
    String request = rsaRequest(first);
    ServiceTier.inTransaction(
        em ->
            registry()
                .register(new EgovSystemRegistration(first, unit, unreachable(), request), "test"));
    String name = unique("copy");
    Refusal refused =
        refusedRegistration(new EgovSystemRegistration(name, unit, unreachable(), request));
    assertRefusedWritingNothing(refused, name, "already belongs to the credential");
  }

  @Test
  void pausingAnUnknownSystemIsRefusedNamingItAndAuditsNothing() {
    String name = unique("nobody");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> ServiceTier.inTransaction(em -> registry().setActive(name, false, "test")));
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains("no e-gov system " + name), refused.getMessage());
    assertEquals(0, count("AuditEvent", "target", "egov-system:" + name));
  }

  @Test
  void theRegistryIsCalledOnlyInsideAFrontDoorsTransaction() {
    assertThrows(EJBTransactionRequiredException.class, () -> registry().all());
  }

  /** A request of a new key whose signature was altered: it no longer proves the key. */
  private static String withBrokenSignature(String name) {
    try (PEMParser parser = new PEMParser(new StringReader(rsaRequest(name)))) {
      byte[] der = ((PKCS10CertificationRequest) parser.readObject()).getEncoded();
      der[der.length - 1] ^= 0x01;
      return Pem.text("CERTIFICATE REQUEST", der);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
