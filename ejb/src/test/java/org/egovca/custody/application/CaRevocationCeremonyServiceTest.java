package org.egovca.custody.application;

import static org.egovca.custody.application.CustodyFixtures.demoCustodians;
import static org.egovca.custody.application.CustodyFixtures.lastAudit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.UUID;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.application.SubordinateCaFixture;
import org.egovca.ca.domain.CaRevocationReason;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonyOutcome;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The root revokes a subordinate CA's certificate only in a ceremony of three custodians; each test
 * revokes a CA of its own (the CA-side effects, ARL, OCSP and deliveries, are proven by {@code
 * CaCertificateRevocationServiceTest}).
 */
@ExtendWith(ServiceTier.class)
class CaRevocationCeremonyServiceTest {

  private static final CeremonySource SOURCE = CeremonySource.COMMAND_LINE;

  @Inject CaRevocationCeremony ceremony;

  @Test
  void threeCustodiansRevokeACaAndTheCeremonyNamesIt() {
    String name = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
    SubordinateCaFixture.create(name);

    long id =
        ceremony.revoke(name, CaRevocationReason.CA_COMPROMISE, demoCustodians(1, 2, 3), SOURCE);

    KeyCeremony record = ServiceTier.inTransaction(em -> em.find(KeyCeremony.class, id));
    assertEquals(CeremonyKind.CA_REVOCATION, record.getKind());
    assertEquals(CeremonyOutcome.SUCCEEDED, record.getOutcome());
    CertificateAuthority ca =
        ServiceTier.inTransaction(
            em ->
                em.createQuery(
                        "SELECT c FROM CertificateAuthority c WHERE c.name = :name",
                        CertificateAuthority.class)
                    .setParameter("name", name)
                    .getSingleResult());
    assertNotNull(ca.getRevokedAt(), "the CA is revoked");
    AuditEvent revoked = lastAudit(AuditAction.CA_CERTIFICATE_REVOKED);
    assertEquals("custodians:custodian1,custodian2,custodian3", revoked.getActor());
    assertTrue(revoked.getDetail().contains("ceremony=" + id), revoked.getDetail());
    assertTrue(lastAudit(AuditAction.CA_REVOCATION_CEREMONY).getDetail().contains("ca=" + name));
  }

  @Test
  void twoCustodiansCannotRevokeACa() {
    String name = "kept-" + UUID.randomUUID().toString().substring(0, 8);
    SubordinateCaFixture.create(name);

    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremony.revoke(
                    name, CaRevocationReason.CA_COMPROMISE, demoCustodians(1, 2), SOURCE));

    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    CertificateAuthority ca =
        ServiceTier.inTransaction(
            em ->
                em.createQuery(
                        "SELECT c FROM CertificateAuthority c WHERE c.name = :name",
                        CertificateAuthority.class)
                    .setParameter("name", name)
                    .getSingleResult());
    assertNull(ca.getRevokedAt(), "nothing was revoked");
  }

  @Test
  void aRefusedRevocationLeavesAFailedCeremony() {
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremony.revoke(
                    "no-such-ca",
                    CaRevocationReason.CA_COMPROMISE,
                    demoCustodians(1, 2, 3),
                    SOURCE));

    assertEquals(RefusalCode.CA_UNAVAILABLE, refusal.code());
    KeyCeremony last = CustodyFixtures.lastCeremony();
    assertEquals(CeremonyKind.CA_REVOCATION, last.getKind());
    assertEquals(CeremonyOutcome.FAILED, last.getOutcome());
  }
}
