package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.egovca.ra.application.RaServiceFixtures.newOperatorForm;
import static org.egovca.ra.application.RaServiceFixtures.stateOf;
import static org.egovca.ra.application.RaServiceFixtures.stored;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.security.KeyPair;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The login key of an operator: proven, of its own, and of the kind the TLS profile takes. */
@ExtendWith(ServiceTier.class)
class OperatorCertificatesServiceTest {

  @Inject OperatorAdministration administration;
  @Inject Approvals approvals;

  private static NewOperator withRequest(String username, String requestPem) {
    NewOperator form = newOperatorForm(username, OperatorRole.AUDITOR, null);
    return new NewOperator(
        username, form.getDisplayName(), form.getEmail(), form.getRole(), null, requestPem);
  }

  private Refusal refusedRequest(String requestPem) {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.requestOperator(
                    admin().token(), withRequest(uniqueName("crt"), requestPem)));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("certificateRequest", refused.problems().get(0).field());
    assertEquals("operator.request", refused.problems().get(0).key());
    return refused;
  }

  private static String request(KeyPair subject, KeyPair signer, String algorithm)
      throws IOException {
    return Pem.text(
        "CERTIFICATE REQUEST",
        new PKCS10CertificationRequestBuilder(
                new X500Name("CN=ignored"), TestKeys.spki(subject.getPublic()))
            .build(TestKeys.signer(algorithm, signer.getPrivate()))
            .getEncoded());
  }

  @Test
  void somethingThatIsNoCertificateRequestIsRefused() {
    refusedRequest("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----");
  }

  @Test
  void aRequestWithoutProofOfPossessionIsRefused() throws IOException {
    KeyPair key = TestKeys.rsaKeyPair(2048);
    KeyPair other = TestKeys.rsaKeyPair(2048);
    refusedRequest(request(key, other, "SHA256withRSA"));
  }

  @Test
  void aKeyThatOpensAnotherAccountIsRefused() {
    String key = RaServiceFixtures.certificateRequest();
    RaServiceFixtures.approved(
        administration.requestOperator(admin().token(), withRequest(uniqueName("crt"), key)));
    Refusal refused = refusedRequest(key);
    assertTrue(refused.getMessage().contains("already belongs"), refused.getMessage());
  }

  @Test
  void aKeyTheTlsProfileDoesNotTakeIsRefusedWhenApprovedAndNothingIsCreated() throws IOException {
    KeyPair ec = TestKeys.ecKeyPair("secp256r1");
    String username = uniqueName("crt");
    DualControlRequestView request =
        administration.requestOperator(
            admin().token(), withRequest(username, request(ec, ec, "SHA256withECDSA")));
    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.approve(admin2().token(), request.id(), null));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("certificateRequest", refused.problems().get(0).field());
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertNull(stored(username));
    approvals.withdraw(admin().token(), request.id());
  }
}
