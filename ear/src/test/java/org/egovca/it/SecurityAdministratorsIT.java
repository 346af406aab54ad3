package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security administrators' own credentials (one administrator must not be able to take over an
 * account): the admin SOAP service wants both factors of an operator login, like the console; a
 * wrong password counts towards the lockout; the first administrators' credential files open only
 * with the one-time password the first start printed; and a key that already opens one account
 * never becomes another account's credential.
 */
@ExtendWith(DeployedEar.class)
class SecurityAdministratorsIT {

  @Test
  void theLoginCertificateAloneOpensNothing(CaServer server) throws Exception {
    RaSoapClient certificateOnly =
        new RaSoapClient(Tls.securityAdmin(server, "admin2"), server.httpsBase(), "CaAdminService");
    RaSoapClient.DualControlRequest refused = certificateOnly.getRequest(1);
    assertEquals("NOT_AUTHORIZED", refused.faultCode());
    assertTrue(refused.faultString().contains("user name and password"), refused.faultString());

    FirstAdministrators.password(server, "admin2");
    long failures = failedLogins(server);
    long refusals = wrongPasswordRefusals(server);
    RaSoapClient wrongPassword =
        new RaSoapClient(
            Tls.securityAdmin(server, "admin2"),
            server.httpsBase(),
            "CaAdminService",
            "admin2",
            "Wr0ng-password");
    assertEquals("NOT_AUTHORIZED", wrongPassword.getRequest(1).faultCode());
    assertEquals(failures + 1, failedLogins(server), "a wrong password counts towards the lockout");
    assertEquals(1, wrongPasswordRefusals(server) - refusals, "the refusal is audited");
    RaSoapClient anotherName =
        new RaSoapClient(
            Tls.securityAdmin(server, "admin2"),
            server.httpsBase(),
            "CaAdminService",
            "admin",
            FirstAdministrators.PASSWORD);
    assertTrue(
        anotherName.getRequest(1).faultString().contains("not the one of the login certificate"));

    // both factors: past authentication (there is no request -1)
    assertEquals(
        "MALFORMED_REQUEST", SecurityAdministrators.of(server).admin2.getRequest(-1).faultCode());
    assertEquals(0, failedLogins(server), "a successful call starts the count anew");
  }

  @Test
  void theFirstAdministratorsFilesOpenOnlyWithTheirOneTimePasswords(CaServer server)
      throws Exception {
    for (String username : List.of("admin", "admin2")) {
      assertFalse(
          Files.exists(server.dataDirectory().resolve("operator-" + username + ".password")),
          "the password of " + username + "'s credential lies beside it");
      char[] oneTime = server.firstAdminOneTimePassword(username).toCharArray();
      assertEquals(1, credential(server, username, oneTime).size());
      assertThrows(IOException.class, () -> credential(server, username, "not-it".toCharArray()));
    }
  }

  @Test
  void aKeyThatOpensOneAccountDoesNotBecomeAnothersCredential(CaServer server) throws Exception {
    KeyStore admin =
        credential(server, "admin", server.firstAdminOneTimePassword("admin").toCharArray());
    PrivateKey key = (PrivateKey) admin.getKey("admin", server.operatorP12Password("admin"));
    X509Certificate certificate = (X509Certificate) admin.getCertificate("admin");
    PKCS10CertificationRequest request =
        new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=lra-copy"), certificate.getPublicKey())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key));

    RaSoapClient.DualControlRequest refused =
        SecurityAdministrators.of(server)
            .admin2
            .registerRemoteRa("lra-copy", List.of(), pem(request));

    assertEquals("MALFORMED_REQUEST", refused.faultCode());
    assertTrue(
        refused.faultString().contains("already belongs to the credential CN=admin"),
        refused.faultString());
    assertEquals(0, new Records(server).dualControlRequestsFor("remote-ra:lra-copy"));
  }

  @Test
  void parallelGuessesAreCountedOneByOneAndStopAtTheLockout(CaServer server) throws Exception {
    FirstAdministrators.password(server, "admin2");
    long before = wrongPasswordRefusals(server);
    int guesses = 12;
    ExecutorService callers = Executors.newFixedThreadPool(guesses);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        RaSoapClient guesser =
            new RaSoapClient(
                Tls.securityAdmin(server, "admin2"),
                server.httpsBase(),
                "CaAdminService",
                "admin2",
                "Wr0ng-guess-" + i);
        answers.add(
            callers.submit(
                () -> {
                  start.await();
                  return guesser.getRequest(1).faultCode();
                }));
      }
      start.countDown();
      for (Future<String> answer : answers) {
        assertEquals("NOT_AUTHORIZED", answer.get(2, TimeUnit.MINUTES));
      }

      assertEquals(
          5, // CPS §6.5.2.5: the fifth wrong password in a row locks the account
          wrongPasswordRefusals(server) - before,
          "each guess saw the count the one before it left; those after the lockout were not"
              + " checked");
      assertTrue(new Records(server).lockedNow("admin2"));
      RaSoapClient.DualControlRequest rightPasswordWhileLocked =
          SecurityAdministrators.of(server).admin2.getRequest(-1);
      assertEquals("NOT_AUTHORIZED", rightPasswordWhileLocked.faultCode());
    } finally {
      callers.shutdownNow();
      // the console's unlock (by another administrator) is how production ends a lockout; the
      // test gives the shared server's account back as it found it
      new Records(server).unlock("admin2");
    }
  }

  @Test
  void anApprovalNoteLongerThanTheLimitIsRefusedNamingIt(CaServer server) throws Exception {
    RaSoapClient.DualControlRequest refused =
        SecurityAdministrators.of(server).admin2.approveRequest(1, "x".repeat(1001));
    assertEquals("MALFORMED_REQUEST", refused.faultCode());
    assertTrue(refused.faultString().contains("note"), refused.faultString());
  }

  private static long failedLogins(CaServer server) throws Exception {
    return new Records(server).failedLogins("admin2");
  }

  private static long wrongPasswordRefusals(CaServer server) throws Exception {
    return new Records(server)
        .audit("OPERATOR_LOGIN")
        .outcome("FAILURE")
        .actor("operator:admin2")
        .detailLike("wrong password (admin SOAP service)%")
        .count();
  }

  private static KeyStore credential(CaServer server, String username, char[] password)
      throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server.operatorP12(username))) {
      store.load(in, password);
    }
    return store;
  }

  private static String pem(PKCS10CertificationRequest request) throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(request);
    }
    return text.toString();
  }
}
