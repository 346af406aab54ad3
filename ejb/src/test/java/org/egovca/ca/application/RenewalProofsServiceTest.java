package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A renewal proof serves one request, while it is fresh (its signature is checked elsewhere). */
@ExtendWith(ServiceTier.class)
class RenewalProofsServiceTest {

  @Inject RenewalProofs proofs;

  @Test
  void aProofDatedMoreThanFiveMinutesAgoIsRefused() {
    RenewalProof stale = proofAt(ServiceTier.clock().instant().minus(Duration.ofMinutes(6)));

    refused(RefusalCode.RENEWAL_REFUSED, "more than 5 minutes from now", () -> accept(stale));
  }

  @Test
  void aProofUsedOnceIsRefusedTheSecondTime() {
    RenewalProof proof = proofAt(ServiceTier.clock().instant());
    accept(proof);

    refused(
        RefusalCode.RENEWAL_REFUSED, "this renewal proof was used already", () -> accept(proof));
  }

  @Test
  void aProofOfARenewalThatFailedIsNotUsedUp() {
    RenewalProof proof = proofAt(ServiceTier.clock().instant());
    assertThrows(
        IllegalStateException.class,
        () ->
            ServiceTier.inTransaction(
                em -> {
                  proofs.accept(proof);
                  throw new IllegalStateException("the renewal failed after the proof");
                }));

    assertDoesNotThrow(() -> accept(proof));
  }

  private void accept(RenewalProof proof) {
    ServiceTier.inTransaction(
        em -> {
          proofs.accept(proof);
          return null;
        });
  }

  /** A proof statement of its own (a random serial), with a signature nobody checks here. */
  private static RenewalProof proofAt(Instant time) {
    BigInteger serial = new BigInteger(120, new SecureRandom()).setBit(119);
    String statement =
        RenewalProof.statement(RenewalProof.Operation.RENEW, serial, time, new byte[] {1});
    return RenewalProof.parse(statement, Base64.getEncoder().encodeToString(new byte[] {1, 2}));
  }
}
