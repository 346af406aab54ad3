package org.egovca.ca.x509.crl;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;

/**
 * Writes one large SM2-signed CRL in a JVM of its own, so a test can run it with a small {@code
 * -Xmx} and see that the heap the writer needs does not grow with the number of entries.
 *
 * <p>Arguments: entry count, output file, work directory, and {@code jca} (BouncyCastle JCA signer,
 * which digests as the bytes arrive) or {@code token} (the software crypto token, whose signer
 * collects the whole TBSCertList). Prints {@code entries=… octets=… millis=… peakHeapMiB=…}.
 */
final class LargeCrlMain {

  private LargeCrlMain() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    Path output = Path.of(args[1]);
    Path work = Path.of(args[2]);
    ContentSigner signer = signer(args[3], work);

    Instant thisUpdate = Instant.parse("2026-11-24T08:00:00Z");
    CrlContent content =
        CrlContent.full(
            CrlFixtures.ISSUER,
            CrlFixtures.KEY_ID,
            BigInteger.ONE,
            thisUpdate,
            thisUpdate.plus(Duration.ofDays(1)),
            signer.getAlgorithmIdentifier(),
            null);
    EntrySource entries = new GeneratedEntries(count, thisUpdate.minus(Duration.ofDays(3650)));

    long start = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
      CrlWriter.write(content, entries, signer, out, work);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "entries=%d octets=%d millis=%d maxHeapMiB=%d%n",
        count, Files.size(output), millis, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static ContentSigner signer(String kind, Path work) throws Exception {
    if (kind.equals("token")) {
      SoftwareCryptoToken token =
          SoftwareCryptoToken.initialize("t", work.resolve("token"), "pin".toCharArray());
      token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
      return token.contentSigner("ca", SignatureAlgorithm.SM3_WITH_SM2);
    }
    return TestKeys.signer("SM3withSM2", TestKeys.sm2KeyPair().getPrivate());
  }
}
