package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sm2SigningTest {
  private static final String ALIAS = "sm2-ca";

  @TempDir static Path directory;
  private static SoftwareCryptoToken token;
  private static PublicKey publicKey;

  @BeforeAll
  static void generateKey() {
    token = TestSupport.newActiveToken(directory.resolve("token"));
    publicKey = token.generateKeyPair(ALIAS, KeyAlgorithm.SM2_256);
  }

  @Test
  void publicKeyIsAnSm2SubjectPublicKeyInfo() {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
    assertEquals(X9ObjectIdentifiers.id_ecPublicKey, info.getAlgorithm().getAlgorithm());
    assertEquals(GMObjectIdentifiers.sm2p256v1, info.getAlgorithm().getParameters());
    byte[] point = info.getPublicKeyData().getOctets();
    assertEquals(65, point.length);
    assertEquals(0x04, point[0]);
    assertEquals(KeyAlgorithm.SM2_256, token.keyAlgorithm(ALIAS));
  }

  @Test
  void publicKeyLookedUpLaterEqualsTheGeneratedOne() {
    assertArrayEquals(publicKey.getEncoded(), token.publicKey(ALIAS).getEncoded());
  }

  @Test
  void signatureIsDerSequenceOfRAndSAndVerifiesWithBouncyCastleJca() throws Exception {
    byte[] data = "to be signed".getBytes(UTF_8);
    byte[] signature = token.sign(ALIAS, SignatureAlgorithm.SM3_WITH_SM2, data);

    ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
    assertEquals(2, sequence.size());
    BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
    assertTrue(r.signum() > 0);
    assertTrue(verifies(data, signature));
    assertFalse(verifies("other data".getBytes(UTF_8), signature));
  }

  @Test
  void signaturesAreRandomised() {
    byte[] data = {1, 2, 3};
    assertNotEquals(
        Base64.getEncoder()
            .encodeToString(token.sign(ALIAS, SignatureAlgorithm.SM3_WITH_SM2, data)),
        Base64.getEncoder()
            .encodeToString(token.sign(ALIAS, SignatureAlgorithm.SM3_WITH_SM2, data)));
  }

  @Test
  void signatureVerifiesWithOpenSsl(@TempDir Path work) throws Exception {
    byte[] data = "certificate to be signed".getBytes(UTF_8);
    byte[] signature = token.sign(ALIAS, SignatureAlgorithm.SM3_WITH_SM2, data);
    Files.writeString(
        work.resolve("pub.pem"),
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII))
                .encodeToString(publicKey.getEncoded())
            + "\n-----END PUBLIC KEY-----\n",
        US_ASCII);
    Files.write(work.resolve("data"), data);
    Files.write(work.resolve("sig"), signature);

    OpenSslResult good = openSslVerify(work);
    assertEquals(0, good.exitCode, good.output);
    assertTrue(good.output.contains("Signature Verified Successfully"), good.output);

    // The same command must reject a signature over other data, or it proves nothing.
    Files.write(work.resolve("data"), "tampered".getBytes(UTF_8));
    OpenSslResult bad = openSslVerify(work);
    assertNotEquals(0, bad.exitCode, bad.output);
  }

  @Test
  void concurrentSignaturesAllVerify() throws Exception {
    int threads = 4;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<byte[][]>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<byte[][]> signed = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    byte[] data = ("thread " + thread + " message " + i).getBytes(UTF_8);
                    signed.add(
                        new byte[][] {
                          data, token.sign(ALIAS, SignatureAlgorithm.SM3_WITH_SM2, data)
                        });
                  }
                  return signed;
                }));
      }
      start.countDown();
      int verified = 0;
      for (Future<List<byte[][]>> result : results) {
        for (byte[][] pair : result.get(60, TimeUnit.SECONDS)) {
          assertTrue(verifies(pair[0], pair[1]), new String(pair[0], UTF_8));
          verified++;
        }
      }
      assertEquals(threads * perThread, verified);
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean verifies(byte[] data, byte[] signature) throws Exception {
    // BouncyCastle's SM3withSM2 uses the default user ID 1234567812345678.
    Signature verifier = Signature.getInstance("SM3withSM2", TestSupport.BC);
    verifier.initVerify(publicKey);
    verifier.update(data);
    return verifier.verify(signature);
  }

  private record OpenSslResult(int exitCode, String output) {}

  private static OpenSslResult openSslVerify(Path work) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "openssl",
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                "pub.pem",
                "-rawin",
                "-digest",
                "sm3",
                "-pkeyopt",
                "distid:1234567812345678",
                "-in",
                "data",
                "-sigfile",
                "sig")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl timed out");
    return new OpenSslResult(process.exitValue(), output);
  }
}
