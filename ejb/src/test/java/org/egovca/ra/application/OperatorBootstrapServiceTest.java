package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.egovca.ca.application.CaStarted;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class OperatorBootstrapServiceTest {

  @Inject OperatorBootstrap bootstrap;

  @Test
  void theFirstStartLeftTwoSecurityAdministratorsWithTheirCredentialFiles() {
    for (String username : OperatorBootstrap.FIRST_ADMINS) {
      Operator admin = RaServiceFixtures.stored(username);
      assertEquals(java.util.Set.of(OperatorRole.SECURITY_ADMIN), admin.getRoles());
      assertTrue(
          Files.isRegularFile(
              ServiceTier.dataDirectory().resolve("operator-" + username + ".p12")));
      assertEquals(
          16,
          RaServiceFixtures.oneTimePassword(username).length(),
          "one-time password of " + username);
    }
  }

  @Test
  void aLaterStartCreatesNoAdministratorAndRewritesNoFile() throws Exception {
    Path note = ServiceTier.dataDirectory().resolve("first-security-admin.txt");
    byte[] noteBefore = Files.readAllBytes(note);
    long operatorsBefore = operators();
    byte[] certificateBefore = RaServiceFixtures.admin().certificate;

    bootstrap.createFirstSecurityAdmins(new CaStarted(List.of()));

    assertEquals(operatorsBefore, operators());
    assertArrayEquals(noteBefore, Files.readAllBytes(note));
    assertArrayEquals(
        certificateBefore,
        ServiceTier.<byte[]>inTransaction(
            em ->
                em.createNamedQuery(Operator.BY_USERNAME, Operator.class)
                    .setParameter("username", "admin")
                    .getSingleResult()
                    .getCertificate()
                    .getEncoded()));
  }

  private static long operators() {
    return ServiceTier.inTransaction(
        em -> em.createNamedQuery(Operator.COUNT, Long.class).getSingleResult());
  }
}
