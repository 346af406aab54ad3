package org.egovca.ca.x509.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL 3 as the independent client: it writes the requests and checks the responses. OpenSSL 3.0
 * verifies SM2 signatures with an empty user ID inside {@code openssl ocsp} (see gmt-notes.md
 * §7.3), so SM2 responses are checked by splitting out tbsResponseData and the signature and
 * running {@code openssl pkeyutl} with the GM/T default ID.
 */
class OcspOpenSslInteropTest {

  private static final OcspTestPki PKI = OcspTestPki.get();

  @TempDir Path dir;

  @Test
  void rsaCaSignedResponsesVerifyInOpenSsl() throws Exception {
    OcspTestPki.TestCa ca = PKI.rsa;
    ResponderIssuer issuer = ca.caSigned(true, new AtomicInteger());
    OcspResponder responder =
        new OcspResponder(InMemoryStatusLookup.standard(issuer), Duration.ofHours(1));
    write("ca.pem", ca.certificate);

    String good = roundTrip(responder, ca.good, "good.pem");
    assertTrue(good.contains("Response verify OK"), good);
    assertTrue(good.contains("good.pem: good"), good);

    String revoked = roundTrip(responder, ca.revoked, "revoked.pem");
    assertTrue(revoked.contains("Response verify OK"), revoked);
    assertTrue(revoked.contains("revoked.pem: revoked"), revoked);
    assertTrue(revoked.contains("Reason: keyCompromise"), revoked);

    String unknown = roundTrip(responder, ca.neverIssued, "unknown.pem");
    assertTrue(unknown.contains("Response verify OK"), unknown);
    assertTrue(unknown.contains("unknown.pem: unknown"), unknown);
  }

  @Test
  void rsaDelegatedResponsesVerifyInOpenSsl() throws Exception {
    OcspTestPki.TestCa ca = PKI.rsa;
    OcspResponder responder =
        new OcspResponder(
            InMemoryStatusLookup.standard(ca.delegated(new AtomicInteger())), Duration.ofHours(1));
    write("ca.pem", ca.certificate);
    write("responder.pem", ca.responder);

    // Without -VAfile OpenSSL must build the path responder -> CA itself and check that the
    // responder is authorised (issued by the CA of the CertID, id-kp-OCSPSigning).
    String good = roundTrip(responder, ca.good, "good.pem");
    assertTrue(good.contains("Response verify OK"), good);
    assertTrue(good.contains("good.pem: good"), good);
    assertTrue(good.contains("OCSP Responder rsa-ca"), "responder certificate included: " + good);

    String revoked = roundTrip(responder, ca.revoked, "revoked.pem", "-VAfile", "responder.pem");
    assertTrue(revoked.contains("Response verify OK"), revoked);
    assertTrue(revoked.contains("revoked.pem: revoked"), revoked);
    assertTrue(revoked.contains("Reason: keyCompromise"), revoked);

    String unknown =
        roundTrip(responder, ca.neverIssued, "unknown.pem", "-VAfile", "responder.pem");
    assertTrue(unknown.contains("unknown.pem: unknown"), unknown);
  }

  @Test
  void rsaRequestFromOpenSslUsesSha1AndANonceThatIsEchoed() throws Exception {
    OcspTestPki.TestCa ca = PKI.rsa;
    write("ca.pem", ca.certificate);
    write("good.pem", ca.good);
    OpenSslCommand.run(dir, "ocsp", "-issuer", "ca.pem", "-cert", "good.pem", "-reqout", "req.der");
    OCSPReq request = new OCSPReq(Files.readAllBytes(dir.resolve("req.der")));
    assertEquals(
        OIWObjectIdentifiers.idSHA1, request.getRequestList()[0].getCertID().getHashAlgOID());
    byte[] response =
        new OcspResponder(
                InMemoryStatusLookup.standard(ca.caSigned(false, new AtomicInteger())),
                Duration.ofHours(1))
            .respond(Files.readAllBytes(dir.resolve("req.der")), Instant.now());
    Files.write(dir.resolve("resp.der"), response);
    // With -reqin OpenSSL compares the nonces of its own request and the response.
    String out =
        OpenSslCommand.run(
            dir,
            "ocsp",
            "-reqin",
            "req.der",
            "-respin",
            "resp.der",
            "-CAfile",
            "ca.pem",
            "-VAfile",
            "ca.pem",
            "-resp_text");
    assertTrue(out.contains("Response verify OK"), out);
    assertFalse(out.contains("WARNING"), "no nonce warning: " + out);
  }

  @Test
  void sm2ResponsesToOpenSslSm3RequestsVerifyWithPkeyutl() throws Exception {
    OcspTestPki.TestCa ca = PKI.sm2;
    write("ca.pem", ca.certificate);
    write("good.pem", ca.good);
    write("revoked.pem", ca.revoked);
    for (boolean delegated : new boolean[] {false, true}) {
      ResponderIssuer issuer =
          delegated ? ca.delegated(new AtomicInteger()) : ca.caSigned(false, new AtomicInteger());
      OcspResponder responder =
          new OcspResponder(InMemoryStatusLookup.standard(issuer), Duration.ofHours(1));
      for (String ee : new String[] {"good.pem", "revoked.pem"}) {
        OpenSslCommand.run(
            dir, "ocsp", "-sm3", "-issuer", "ca.pem", "-cert", ee, "-reqout", "req.der");
        byte[] requestBytes = Files.readAllBytes(dir.resolve("req.der"));
        assertEquals(
            GMObjectIdentifiers.sm3,
            new OCSPReq(requestBytes).getRequestList()[0].getCertID().getHashAlgOID());
        byte[] response = responder.respond(requestBytes, Instant.now());
        Files.write(dir.resolve("resp.der"), response);

        // OpenSSL finds the status under its own SM3 CertID (signature not checked here).
        String text =
            OpenSslCommand.run(
                dir,
                "ocsp",
                "-respin",
                "resp.der",
                "-sm3",
                "-issuer",
                "ca.pem",
                "-cert",
                ee,
                "-noverify",
                "-no_nonce",
                "-resp_text");
        if (ee.equals("good.pem")) {
          assertTrue(text.contains("good.pem: good"), text);
        } else {
          assertTrue(text.contains("revoked.pem: revoked"), text);
          assertTrue(text.contains("Reason: keyCompromise"), text);
        }

        BasicOCSPResp basic = OcspMessages.basic(response);
        X509CertificateHolder signer = delegated ? ca.responder : ca.certificate;
        if (delegated) {
          assertEquals(signer, basic.getCerts()[0]);
        } else {
          assertEquals(0, basic.getCerts().length);
        }
        assertEquals(GMObjectIdentifiers.sm2sign_with_sm3, basic.getSignatureAlgOID());
        assertPkeyutlVerifies(basic, signer.getSubjectPublicKeyInfo());
      }
    }
  }

  /** SM2 signature check by OpenSSL on the exact tbsResponseData bytes, with a negative control. */
  private void assertPkeyutlVerifies(BasicOCSPResp basic, SubjectPublicKeyInfo key)
      throws Exception {
    Pem.writePublicKey(dir.resolve("pub.pem"), key);
    byte[] tbs = basic.getTBSResponseData();
    Files.write(dir.resolve("tbs.der"), tbs);
    Files.write(dir.resolve("sig.der"), basic.getSignature());
    String out =
        OpenSslCommand.run(dir, OpenSslCommand.sm2VerifyArgs("pub.pem", "tbs.der", "sig.der"));
    assertTrue(out.contains("Signature Verified Successfully"), out);

    tbs[tbs.length - 1] ^= 1;
    Files.write(dir.resolve("tampered.der"), tbs);
    OpenSslCommand.Result tampered =
        OpenSslCommand.runAllowingFailure(
            dir, OpenSslCommand.sm2VerifyArgs("pub.pem", "tampered.der", "sig.der"));
    assertNotEquals(0, tampered.exitCode(), "the oracle rejects a tampered tbsResponseData");
  }

  /**
   * Has OpenSSL write a request for {@code ee} (SHA-1 CertID, with nonce), answers it, and has
   * OpenSSL check the response against ca.pem; returns OpenSSL's output.
   */
  private String roundTrip(
      OcspResponder responder, X509CertificateHolder ee, String eeFile, String... extra)
      throws Exception {
    write(eeFile, ee);
    OpenSslCommand.run(dir, "ocsp", "-issuer", "ca.pem", "-cert", eeFile, "-reqout", "req.der");
    byte[] response = responder.respond(Files.readAllBytes(dir.resolve("req.der")), Instant.now());
    Files.write(dir.resolve("resp.der"), response);
    String[] base = {
      "ocsp",
      "-respin",
      "resp.der",
      "-issuer",
      "ca.pem",
      "-cert",
      eeFile,
      "-CAfile",
      "ca.pem",
      "-no_nonce",
      "-resp_text"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return OpenSslCommand.run(dir, args);
  }

  private void write(String file, X509CertificateHolder certificate) {
    Pem.writeCertificate(dir.resolve(file), certificate);
  }
}
