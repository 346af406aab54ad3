package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.ACTOR;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.application.port.GeneratedKeyToken;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CA's side of signing keys made on request (CPS §6.1.4.10.1): what would refuse the issuance
 * is checked before the key pair is made, so a refused request leaves no key in the token; an
 * accepted one certifies the key that waits in the token, in the CA of its algorithm.
 */
@ExtendWith(ServiceTier.class)
class GeneratedKeyIssuanceServiceTest {

  @Inject VettedIssuance issuance;
  @Inject GeneratedKeys generatedKeys;
  @Inject GeneratedKeyToken tokens;

  private static IssuanceRequest withoutPkcs10(String cn) {
    return new IssuanceRequest("personal-sign", "CN=" + cn + ",O=Test,C=CN", null);
  }

  @Test
  void aKeyTypeTheProfileRefusesMakesNoKey() {
    Set<String> before = tokens.token().aliases();
    refused(
        RefusalCode.UNSUPPORTED_KEY,
        "does not accept RSA 4096 keys",
        () ->
            ServiceTier.inTransaction(
                em ->
                    issuance.issueWithGeneratedKey(
                        withoutPkcs10(unique("Generated ")), KeyAlgorithm.RSA_4096, false, ACTOR)));
    refused(
        RefusalCode.UNSUPPORTED_KEY,
        "need an SM2 signing key",
        () ->
            ServiceTier.inTransaction(
                em ->
                    issuance.issueWithGeneratedKey(
                        withoutPkcs10(unique("Generated ")), KeyAlgorithm.RSA_2048, true, ACTOR)));
    assertEquals(before, tokens.token().aliases());
  }

  @Test
  void aSubjectThatBelongsToAnotherHolderMakesNoKey() {
    String cn = unique("Taken ");
    ServiceTier.inTransaction(
        em -> issuance.issue(personal(cn, TestKeys.sm2KeyPair()), ACTOR, null));
    Set<String> before = tokens.token().aliases();

    refused(
        RefusalCode.INVALID_SUBJECT,
        "already belongs",
        () ->
            ServiceTier.inTransaction(
                em ->
                    issuance.issueWithGeneratedKey(
                        withoutPkcs10(cn), KeyAlgorithm.SM2_256, false, ACTOR)));
    assertEquals(before, tokens.token().aliases());
  }

  @Test
  void theCertificateCertifiesTheKeyThatWaitsInTheToken() throws Exception {
    VettedIssuance.Issued issued =
        ServiceTier.inTransaction(
            em ->
                issuance.issueWithGeneratedKey(
                    withoutPkcs10(unique("Generated ")), KeyAlgorithm.SM2_256, false, ACTOR));
    GeneratedKey key =
        ServiceTier.inTransaction(
            em -> generatedKeys.of(em.merge(issued.certificate())).orElseThrow());

    assertEquals(GeneratedKey.State.WAITING, key.getState());
    assertTrue(tokens.token().containsKey(key.getKeyAlias()));
    assertArrayEquals(
        tokens.token().publicKey(key.getKeyAlias()).getEncoded(),
        new X509CertificateHolder(issued.certificate().getEncoded())
            .getSubjectPublicKeyInfo()
            .getEncoded());
    assertEquals(
        GeneratedKey.HANDOVER_LIMIT,
        java.time.Duration.between(key.getGeneratedAt(), key.getHandoverDueAt()));
  }
}
