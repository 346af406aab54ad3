package org.egovca.delivery.infrastructure;

import static org.egovca.ca.testing.TestKeys.spki;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.DirectoryUrls;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.PkiUrls;
import org.egovca.ca.x509.SerialNumberGenerator;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.sync.SyncSignatureException;
import org.egovca.sync.SyncSignatureVerifier;
import org.egovca.sync.SyncSignatures;
import org.egovca.sync.SyncSignerCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync signer certificate the CA makes with its shipped {@code sync-signer} profile, for a key
 * in its crypto token, is what receivers accept; a signature by the CA key is what they refuse.
 */
class SyncSignerCertificateTest {

  @TempDir Path tokenDirectory;

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"SM2_256", "RSA_2048"})
  void receiversAcceptTheCasSyncSignerAndRefuseTheCaKey(KeyAlgorithm algorithm) throws Exception {
    SoftwareCryptoToken token =
        SoftwareCryptoToken.initialize("t", tokenDirectory, "pin".toCharArray());
    token.generateKeyPair("ca", algorithm);
    token.generateKeyPair("ca-sync", algorithm);
    CertificateAssembler assembler =
        new CertificateAssembler(
            token,
            PkiUrls.of("http://ca.example/pki"),
            "2.25.1234",
            new DirectoryUrls("ldap://ldap.example", "o=iFutureCA,c=CN"));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X509CertificateHolder caCertificate =
        assembler.rootCa(
            SubjectNames.parse("CN=iFutureCA,C=CN", TestProfiles.named(CertificateProfiles.CA)),
            "ca",
            algorithm,
            spki(token.publicKey("ca")),
            now.minus(Duration.ofHours(1)),
            now.plus(Duration.ofDays(3650)));
    CertificateProfile profile = TestProfiles.named(CertificateProfiles.SYNC_SIGNER);
    X509CertificateHolder signerCertificate =
        assembler.endEntity(
            new IssuingCa("iFutureCA", caCertificate, "ca", algorithm),
            profile,
            EndEntityContent.of(
                SubjectNames.parse("CN=iFutureCA Sync Signer,OU=Sync,O=iFutureCA,C=CN", profile),
                spki(token.publicKey("ca-sync"))),
            SerialNumberGenerator.next(),
            now,
            now.plus(profile.validity()));
    assertEquals(Optional.empty(), SyncSignerCertificates.defect(signerCertificate));

    byte[] payload = "format=urn:egovca:sync:2\n".getBytes(StandardCharsets.UTF_8);
    SignatureAlgorithm signing = SignatureAlgorithm.forKey(algorithm);
    SyncSignatureVerifier receiver =
        new SyncSignatureVerifier(Map.of("iFutureCA", List.of(caCertificate)));
    assertEquals(
        signerCertificate,
        receiver.verify(
            "iFutureCA",
            payload,
            SyncSignatures.sign(
                payload, token.contentSigner("ca-sync", signing), signerCertificate)));
    byte[] byCaKey =
        SyncSignatures.sign(payload, token.contentSigner("ca", signing), caCertificate);
    assertEquals(
        SyncSignatureException.Reason.SIGNED_BY_CA_KEY,
        assertThrows(
                SyncSignatureException.class, () -> receiver.verify("iFutureCA", payload, byCaKey))
            .reason());
  }

  /**
   * OpenSSL 3 as an independent receiver: the signer certificate inside the SignedData chains to
   * the CA certificate; for RSA the whole CMS signature verifies over the payload ({@code -purpose
   * any}: OpenSSL checks S/MIME purposes by default), and fails over a changed payload.
   */
  private void checkWithOpenSsl(
      KeyAlgorithm algorithm, X509CertificateHolder ca, byte[] payload, byte[] signature)
      throws Exception {
    Path work = tokenDirectory.resolve("openssl");
    Files.createDirectories(work);
    Pem.write(work.resolve("ca.pem"), "CERTIFICATE", ca.getEncoded());
    Files.write(work.resolve("payload.txt"), payload);
    Files.write(work.resolve("signature.p7s"), signature);
    OpenSslCommand.run(
        work,
        "pkcs7",
        "-inform",
        "DER",
        "-in",
        "signature.p7s",
        "-print_certs",
        "-out",
        "signer.pem");
    List<String> verify = new ArrayList<>(List.of("verify"));
    if (algorithm == KeyAlgorithm.SM2_256) {
      verify.addAll(List.of("-vfyopt", OpenSslCommand.SM2_DIST_ID));
    }
    verify.addAll(List.of("-CAfile", "ca.pem", "signer.pem"));
    assertTrue(OpenSslCommand.run(work, verify.toArray(String[]::new)).contains("signer.pem: OK"));
    if (algorithm == KeyAlgorithm.RSA_2048) {
      String[] cmsVerify = {
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        "signature.p7s",
        "-content",
        "payload.txt",
        "-CAfile",
        "ca.pem",
        "-purpose",
        "any",
        "-out",
        "/dev/null"
      };
      assertTrue(
          OpenSslCommand.run(work, cmsVerify).contains("Verification successful"),
          "openssl cms -verify");
      byte[] changed = payload.clone();
      changed[0] ^= 0x01;
      Files.write(work.resolve("payload.txt"), changed);
      assertTrue(OpenSslCommand.runAllowingFailure(work, cmsVerify).exitCode() != 0);
    }
  }

  @Test
  void theCasProfileAndTheReceiversRuleNameTheSamePurpose() {
    assertEquals(
        SyncSignerCertificates.EXTENDED_KEY_USAGE_OID, CertificateProfiles.SYNC_SIGNING_PURPOSE);
    assertEquals(
        List.of(CertificateProfiles.SYNC_SIGNING_PURPOSE),
        TestProfiles.named(CertificateProfiles.SYNC_SIGNER).extendedKeyUsages());
  }

  @Test
  void noOtherProfileMayCarryTheSyncSigningPurpose() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestProfiles.changed(
                    CertificateProfiles.PERSONAL_SIGN,
                    Map.of(
                        "extendedKeyUsage",
                        "clientAuth," + CertificateProfiles.SYNC_SIGNING_PURPOSE)));
    assertTrue(refused.getMessage().contains("reserved"), refused.getMessage());
  }
}
