package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.ACTOR;
import static org.egovca.ca.application.CaServiceFixtures.csr;
import static org.egovca.ca.application.CaServiceFixtures.newRemoteRa;
import static org.egovca.ca.application.CaServiceFixtures.newUnit;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.rsaCsr;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.List;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the registry of remote RA accounts refuses when a registration or a change of units is asked
 * for and again when it is carried out: a bad or taken name, an unknown unit or account, a request
 * that is none, fails its proof of possession or carries another credential's key.
 */
@ExtendWith(ServiceTier.class)
class RemoteRaRegistryServiceTest {

  private static KeyPair rsa;

  @Inject RemoteRaRegistry registry;

  @BeforeAll
  static void key() {
    rsa = TestKeys.rsaKeyPair(2048);
  }

  @Test
  void aNameOutsideTheAccountNameSyntaxIsRefused() {
    refusedRegistration(
        new RemoteRaRegistry.Registration("Not A Name", List.of(), rsaCsr(rsa)),
        "a remote RA's name has 2 to 64 lower-case letters");
  }

  @Test
  void aTakenNameIsRefused() {
    refusedRegistration(
        new RemoteRaRegistry.Registration("demo-ra", List.of(), rsaCsr(rsa)),
        "a remote RA named demo-ra exists");
  }

  @Test
  void anUnknownUnitIsRefusedNamingIt() {
    String code = unique("NONE-");

    refusedRegistration(
        new RemoteRaRegistry.Registration(unique("ra-"), List.of(code), rsaCsr(rsa)),
        "there is no application unit " + code);
  }

  @Test
  void aRequestLongerThanAnyClientRequestIsRefused() {
    refusedRegistration(
        new RemoteRaRegistry.Registration(unique("ra-"), List.of(), "A".repeat(8193)),
        "the certificate request is longer than 8192 characters");
  }

  @Test
  void aRequestThatIsNoPkcs10IsRefused() {
    refusedRegistration(
        new RemoteRaRegistry.Registration(unique("ra-"), List.of(), "not a request"),
        "the certificate request: pkcs10");
  }

  @Test
  void aRequestFailingItsProofOfPossessionIsRefused() {
    String tampered = csr(rsa, TestKeys.rsaKeyPair(1024).getPrivate(), "SHA256withRSA");

    refusedRegistration(
        new RemoteRaRegistry.Registration(unique("ra-"), List.of(), tampered),
        "proof of possession failed");
  }

  @Test
  void aKeyThatOpensAnotherAccountIsRefusedAndNothingIsRegistered() {
    KeyPair sameKey = newRemoteRa().key();
    String name = unique("ra-");

    refused(
        RefusalCode.MALFORMED_REQUEST,
        "already belongs to the credential",
        () ->
            ServiceTier.inTransaction(
                em ->
                    registry.register(
                        new RemoteRaRegistry.Registration(name, List.of(), rsaCsr(sameKey)),
                        ACTOR)));

    assertEquals(0L, accountsNamed(name));
  }

  @Test
  void aChangeOfUnitsForAnUnknownAccountIsRefused() {
    String name = unique("ra-");

    refusedUnits(new RemoteRaRegistry.Units(name, List.of()), "there is no remote RA " + name);
  }

  @Test
  void aChangeOfUnitsToAnUnknownUnitIsRefused() {
    String code = unique("NONE-");

    refusedUnits(
        new RemoteRaRegistry.Units("demo-ra", List.of(newUnit(), code)),
        "there is no application unit " + code);
  }

  private void refusedRegistration(RemoteRaRegistry.Registration registration, String part) {
    refused(
        RefusalCode.MALFORMED_REQUEST,
        part,
        () -> ServiceTier.inTransaction(em -> registry.checked(registration)));
    refused(
        RefusalCode.MALFORMED_REQUEST,
        part,
        () -> ServiceTier.inTransaction(em -> registry.register(registration, ACTOR)));
  }

  private void refusedUnits(RemoteRaRegistry.Units units, String part) {
    refused(
        RefusalCode.MALFORMED_REQUEST,
        part,
        () -> ServiceTier.inTransaction(em -> registry.checked(units)));
    refused(
        RefusalCode.MALFORMED_REQUEST,
        part,
        () ->
            ServiceTier.inTransaction(
                em -> {
                  registry.changeUnits(units, ACTOR);
                  return null;
                }));
  }

  private static long accountsNamed(String name) {
    return ServiceTier.inTransaction(
        em ->
            (long)
                em.createNamedQuery(ClientAccount.BY_NAME, ClientAccount.class)
                    .setParameter("name", name)
                    .getResultList()
                    .size());
  }
}
