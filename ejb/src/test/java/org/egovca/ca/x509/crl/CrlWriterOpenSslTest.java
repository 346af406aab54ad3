package org.egovca.ca.x509.crl;

import static org.egovca.ca.x509.crl.CrlFixtures.RSA_KEY;
import static org.egovca.ca.x509.crl.CrlFixtures.SM2_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CertificateList;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL 3 as an independent reader and verifier. OpenSSL 3.0 does not apply the SM2 user ID to
 * CRL signatures ({@code openssl crl -CAfile} fails for every GM/T-conformant CRL), so the SM2
 * signature is checked with {@code pkeyutl} over the TBSCertList split out in Java.
 */
class CrlWriterOpenSslTest {

  /** OpenSSL's names for the CRLReason values 0 to 10 (7 is unused). */
  private static final String[] REASON_TEXT = {
    "Unspecified",
    "Key Compromise",
    "CA Compromise",
    "Affiliation Changed",
    "Superseded",
    "Cessation Of Operation",
    "Certificate Hold",
    null,
    "Remove From CRL",
    "Privilege Withdrawn",
    "AA Compromise"
  };

  @TempDir static Path tokenDirectory;

  private static SoftwareCryptoToken token;

  @BeforeAll
  static void token() {
    token = CrlFixtures.token(tokenDirectory.resolve("token"));
  }

  @Test
  void opensslListsEntriesReasonsAndExtensions(@TempDir Path dir) throws Exception {
    List<RevokedEntry> entries = CrlFixtures.mixedEntries();
    Files.write(dir.resolve("crl.der"), sm2Crl(CrlFixtures.full(sm2()), entries));

    String text = crlText(dir, "crl.der");

    assertTrue(text.contains("Version 2 (0x1)"), text);
    assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
    assertTrue(text.toUpperCase(Locale.ROOT).contains("00:11:22:33:44:55:66:77:88:99:AA"), text);
    assertTrue(text.matches("(?s).*X509v3 CRL Number:\\s*\\n\\s*42\\s*\\n.*"), text);
    assertTrue(text.contains("Next Update: Nov 25 08:00:00 2026 GMT"), text);
    assertTrue(text.contains("Last Update: Nov 24 08:00:00 2026 GMT"), text);
    Map<String, String> blocks = entryBlocks(text);
    assertEquals(entries.size(), blocks.size(), text);
    for (RevokedEntry entry : entries) {
      String block = blocks.get(opensslSerial(entry.serialNumber()));
      assertTrue(block != null, "serial " + opensslSerial(entry.serialNumber()) + " in\n" + text);
      if (entry.reasonCode() == null) {
        assertFalse(block.contains("CRL Reason Code"), block);
      } else {
        assertTrue(
            block.matches(
                "(?s).*X509v3 CRL Reason Code:\\s*\\n\\s*"
                    + REASON_TEXT[entry.reasonCode()]
                    + "\\s*\\n.*"),
            block);
      }
      assertEquals(entry.invalidityDate() != null, block.contains("Invalidity Date"), block);
    }
  }

  @Test
  void opensslVerifiesTheSm2Signature(@TempDir Path dir) throws Exception {
    CertificateList crl =
        CertificateList.getInstance(sm2Crl(CrlFixtures.full(sm2()), CrlFixtures.mixedEntries()));
    byte[] tbs = crl.getTBSCertList().getEncoded(ASN1Encoding.DER);
    Files.write(dir.resolve("tbs.der"), tbs);
    Files.write(dir.resolve("sig.der"), crl.getSignature().getOctets());
    Pem.writePublicKey(dir.resolve("pub.pem"), token.publicKey(SM2_KEY));

    String output =
        OpenSslCommand.run(dir, OpenSslCommand.sm2VerifyArgs("pub.pem", "tbs.der", "sig.der"));
    assertTrue(output.contains("Signature Verified Successfully"), output);

    // The oracle must be able to say no: one changed octet in the TBS fails verification.
    tbs[tbs.length - 1] ^= 1;
    Files.write(dir.resolve("tampered.der"), tbs);
    assertNotEquals(
        0,
        OpenSslCommand.runAllowingFailure(
                dir, OpenSslCommand.sm2VerifyArgs("pub.pem", "tampered.der", "sig.der"))
            .exitCode());
  }

  @Test
  void opensslVerifiesTheRsaSignature(@TempDir Path dir) throws Exception {
    CrlContent content = CrlFixtures.full(SignatureAlgorithm.SHA256_WITH_RSA.algorithmIdentifier());
    byte[] der =
        CrlWriter.toBytes(
            content,
            CrlFixtures.mixedEntries()::iterator,
            token.contentSigner(RSA_KEY, SignatureAlgorithm.SHA256_WITH_RSA));
    CertificateList crl = CertificateList.getInstance(der);
    Files.write(dir.resolve("crl.der"), der);
    Files.write(dir.resolve("tbs.der"), crl.getTBSCertList().getEncoded(ASN1Encoding.DER));
    Files.write(dir.resolve("sig.der"), crl.getSignature().getOctets());
    Pem.writePublicKey(dir.resolve("pub.pem"), token.publicKey(RSA_KEY));

    String output =
        OpenSslCommand.run(
            dir, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", "tbs.der");
    assertTrue(output.contains("Verified OK"), output);
    String text = crlText(dir, "crl.der");
    assertTrue(text.contains("sha256WithRSAEncryption"), text);
  }

  @Test
  void opensslShowsACriticalDeltaCrlIndicator(@TempDir Path dir) throws Exception {
    CrlContent delta =
        CrlContent.delta(
            CrlFixtures.ISSUER,
            CrlFixtures.KEY_ID,
            BigInteger.valueOf(43),
            BigInteger.valueOf(42),
            CrlFixtures.THIS_UPDATE,
            CrlFixtures.NEXT_UPDATE,
            sm2());
    List<RevokedEntry> entries =
        List.of(
            RevokedEntry.of(BigInteger.valueOf(0x0a0b), CrlFixtures.THIS_UPDATE, 1),
            RevokedEntry.of(
                BigInteger.valueOf(0x0c0d), CrlFixtures.THIS_UPDATE, RevokedEntry.REMOVE_FROM_CRL));
    Files.write(dir.resolve("delta.der"), sm2Crl(delta, entries));

    String text = crlText(dir, "delta.der");

    assertTrue(text.matches("(?s).*Delta CRL Indicator: critical\\s*\\n\\s*42\\s*\\n.*"), text);
    assertTrue(text.contains("Remove From CRL"), text);
    assertFalse(text.contains("Freshest CRL"), text);
  }

  @Test
  void opensslShowsFreshestCrlAndAnEmptyList(@TempDir Path dir) throws Exception {
    String url = "http://pki.example.gov.cn/crl/delta.crl";
    CrlContent content =
        CrlContent.full(
            CrlFixtures.ISSUER,
            CrlFixtures.KEY_ID,
            BigInteger.valueOf(44),
            CrlFixtures.THIS_UPDATE,
            CrlFixtures.NEXT_UPDATE,
            sm2(),
            url);
    Files.write(dir.resolve("crl.der"), sm2Crl(content, List.of()));

    String text = crlText(dir, "crl.der");

    assertTrue(text.contains("X509v3 Freshest CRL"), text);
    assertTrue(text.contains("URI:" + url), text);
    assertTrue(text.contains("No Revoked Certificates."), text);
    assertFalse(text.contains("Delta CRL Indicator"), text);
  }

  /** OpenSSL's text dump of the DER CRL in {@code file}. */
  private static String crlText(Path dir, String file) {
    return OpenSslCommand.run(dir, "crl", "-inform", "DER", "-in", file, "-noout", "-text");
  }

  private static byte[] sm2Crl(CrlContent content, List<RevokedEntry> entries) {
    return CrlWriter.toBytes(
        content, entries::iterator, token.contentSigner(SM2_KEY, SignatureAlgorithm.SM3_WITH_SM2));
  }

  private static AlgorithmIdentifier sm2() {
    return SignatureAlgorithm.SM3_WITH_SM2.algorithmIdentifier();
  }

  /** OpenSSL prints a serial as its magnitude in upper-case hex, whole octets. */
  private static String opensslSerial(BigInteger serial) {
    String hex = serial.toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }

  /** The text of each "Serial Number:" block, by serial. */
  private static Map<String, String> entryBlocks(String text) {
    Map<String, String> blocks = new HashMap<>();
    String[] parts = text.split("Serial Number: ");
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      int end = part.indexOf('\n');
      blocks.put(part.substring(0, end).trim(), part);
    }
    return blocks;
  }
}
