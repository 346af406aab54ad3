package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch issuance over {@code RaService.issueCertificates}: one transaction for the whole batch. SM2
 * and RSA requests come back in request order, each certified by the CA for its key; a single bad
 * request, a repeated subject or an oversized batch refuses the batch with a fault naming the
 * problem, and no certificate row is written.
 */
@ExtendWith(DeployedEar.class)
class BatchIssuanceIT {

  private static final String PROFILE = "personal-sign";

  @TempDir Path directory;

  @Test
  void sm2AndRsaRequestsAreIssuedInRequestOrderEachByTheCaForItsKey(CaServer server)
      throws Exception {
    String batch = batchId();
    List<String> csrs =
        List.of(
            TestRequests.sm2(directory, "sm2a"),
            TestRequests.rsa(directory, "rsaa", 2048),
            TestRequests.sm2(directory, "sm2b"),
            TestRequests.sm2(directory, "sm2c"),
            TestRequests.rsa(directory, "rsab", 2048));
    List<RaSoapClient.Request> requests = new ArrayList<>();
    for (int i = 0; i < csrs.size(); i++) {
      requests.add(new RaSoapClient.Request(PROFILE, subject(batch, i), csrs.get(i)));
    }

    RaSoapClient.Batch answer = client(server).issueCertificates(requests);

    assertNull(answer.faultString(), answer.faultString());
    assertEquals(csrs.size(), answer.certificates().size());
    X509CertificateHolder sm2Ca = caCertificate(server.caChainPem());
    X509CertificateHolder rsaCa = caCertificate(server.dataDirectory().resolve("tls-ca.pem"));
    for (int i = 0; i < csrs.size(); i++) {
      X509CertificateHolder certificate = new X509CertificateHolder(answer.certificates().get(i));
      PKCS10CertificationRequest csr = pkcs10(csrs.get(i));
      assertEquals(
          batch + " " + i,
          IETFUtils.valueToString(
              certificate.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()),
          "certificate " + i + " answers request " + i);
      assertArrayEquals(
          csr.getSubjectPublicKeyInfo().getEncoded(),
          certificate.getSubjectPublicKeyInfo().getEncoded(),
          "certificate " + i + " certifies the key of request " + i);
      boolean sm2 = (i != 1 && i != 4);
      assertTrue(
          verifiesWith(certificate, sm2 ? sm2Ca : rsaCa),
          "certificate " + i + " is signed by the " + (sm2 ? "SM2" : "RSA") + " issuing CA");
      assertEquals("good", RelyingParty.status(certificate), "certificate " + i);
    }
    assertEquals(csrs.size(), new Records(server).certificatesWhoseSubjectContains(batch));
  }

  @Test
  void oneRequestWithoutProofOfPossessionRefusesTheWholeBatch(CaServer server) throws Exception {
    String batch = batchId();
    String good = TestRequests.sm2(directory, "good");
    List<RaSoapClient.Request> requests =
        List.of(
            new RaSoapClient.Request(PROFILE, subject(batch, 0), good),
            new RaSoapClient.Request(PROFILE, subject(batch, 1), good),
            new RaSoapClient.Request(
                PROFILE, subject(batch, 2), TestRequests.sm2WithEmptyUserId(directory, "nopop")),
            new RaSoapClient.Request(PROFILE, subject(batch, 3), good));
    Records records = new Records(server);
    long before = records.certificateCount();

    RaSoapClient.Batch answer = client(server).issueCertificates(requests);

    assertEquals("PROOF_OF_POSSESSION_FAILED", answer.faultCode());
    assertEquals(2, answer.requestIndex());
    assertTrue(answer.faultString().contains("index 2"), answer.faultString());
    assertTrue(answer.certificates().isEmpty());
    assertEquals(before, records.certificateCount(), "nothing is written");
    assertEquals(0, records.certificatesWhoseSubjectContains(batch));
  }

  @Test
  void aSubjectRepeatedInsideTheBatchRefusesIt(CaServer server) throws Exception {
    String batch = batchId();
    String csr = TestRequests.sm2(directory, "twice");
    Records records = new Records(server);
    long before = records.certificateCount();

    RaSoapClient.Batch answer =
        client(server)
            .issueCertificates(
                List.of(
                    new RaSoapClient.Request(PROFILE, subject(batch, 0), csr),
                    new RaSoapClient.Request(PROFILE, subject(batch, 0), csr)));

    assertEquals("INVALID_SUBJECT", answer.faultCode());
    assertEquals(1, answer.requestIndex());
    assertEquals(before, records.certificateCount(), "nothing is written");
  }

  @Test
  void aBatchAboveTheLimitIsRefusedBeforeAnyWork(CaServer server) throws Exception {
    String batch = batchId();
    RaSoapClient.Request request =
        new RaSoapClient.Request(PROFILE, subject(batch, 0), TestRequests.sm2(directory, "big"));
    Records records = new Records(server);
    long before = records.certificateCount();

    RaSoapClient.Batch answer =
        client(server).issueCertificates(Collections.nCopies(1001, request));

    assertEquals("BATCH_TOO_LARGE", answer.faultCode());
    assertNull(answer.requestIndex());
    assertTrue(answer.faultString().contains("at most 1000"), answer.faultString());
    assertEquals(before, records.certificateCount(), "nothing is written");
  }

  private static RaSoapClient client(CaServer server) throws Exception {
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
  }

  private static String batchId() {
    return "Batch " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String subject(String batch, int index) {
    return "CN=" + batch + " " + index + ",O=Batch Test,C=CN";
  }

  private static X509CertificateHolder caCertificate(Path pem) throws Exception {
    return new X509CertificateHolder(PkiHttpIT.parse(Files.readAllBytes(pem)).get(0).getEncoded());
  }

  private static boolean verifiesWith(X509CertificateHolder certificate, X509CertificateHolder ca)
      throws Exception {
    return certificate.isSignatureValid(
        new JcaContentVerifierProviderBuilder().setProvider("BC").build(ca));
  }

  private static PKCS10CertificationRequest pkcs10(String pem) throws Exception {
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      return new PKCS10CertificationRequest(reader.readPemObject().getContent());
    }
  }
}
