package org.egovca.ca.x509.crl;

import static org.egovca.ca.testing.TestKeys.BC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large CRLs: entries generated on the fly (never a list), written through a temporary file, read
 * back completely; and a CRL larger than the heap written by a JVM with a 32 MiB heap, which only
 * works if the writer does not keep what it writes.
 */
class CrlWriterScaleTest {

  private static final int ENTRIES = 200_000;
  private static final Instant THIS_UPDATE = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void twoHundredThousandEntriesSignedByTheTokenReadBackComplete(@TempDir Path dir)
      throws Exception {
    SoftwareCryptoToken token =
        SoftwareCryptoToken.initialize("t", dir.resolve("token"), "pin".toCharArray());
    token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    GeneratedEntries entries =
        new GeneratedEntries(ENTRIES, THIS_UPDATE.minus(Duration.ofDays(3650)));
    CrlContent content = CrlFixtures.full(SignatureAlgorithm.SM3_WITH_SM2.algorithmIdentifier());
    Path spool = Files.createDirectory(dir.resolve("spool"));
    Path file = dir.resolve("large.crl");

    long started = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      CrlWriter.write(
          content, entries, token.contentSigner("ca", SignatureAlgorithm.SM3_WITH_SM2), out, spool);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "CrlWriter: %,d entries, %,d octets, SM2 through the software token: %d ms%n",
        ENTRIES, Files.size(file), millis);

    assertEquals(2, entries.opened(), "one pass to measure, one to write");
    try (Stream<Path> left = Files.list(spool)) {
      assertEquals(List.of(), left.toList(), "the temporary file is deleted");
    }
    assertEquals(Files.size(file), declaredLength(file), "outer SEQUENCE length");

    X509CRLHolder crl;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      crl = new X509CRLHolder(in);
    }
    assertTrue(
        crl.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(BC).build(token.publicKey("ca"))));
    int index = 0;
    Enumeration<?> revoked = crl.toASN1Structure().getRevokedCertificateEnumeration();
    while (revoked.hasMoreElements()) {
      TBSCertList.CRLEntry entry = (TBSCertList.CRLEntry) revoked.nextElement();
      assertEquals(GeneratedEntries.serial(index), entry.getUserCertificate().getValue());
      index++;
    }
    assertEquals(ENTRIES, index);

    X509CRLEntryHolder first = crl.getRevokedCertificate(GeneratedEntries.serial(0));
    assertEquals(
        CRLReason.lookup(CRLReason.keyCompromise),
        CRLReason.getInstance(first.getExtension(Extension.reasonCode).getParsedValue()));
    assertNotNull(first.getExtension(Extension.invalidityDate));
    X509CRLEntryHolder withoutReason = crl.getRevokedCertificate(GeneratedEntries.serial(10));
    assertNull(withoutReason.getExtensions());
  }

  @Test
  void aCrlLargerThanTheHeapIsWrittenWithA32MiBHeap(@TempDir Path dir) throws Exception {
    int entries = 1_000_000;
    Path file = dir.resolve("million.crl");
    Path work = Files.createDirectory(dir.resolve("work"));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                LargeCrlMain.class.getName(),
                Integer.toString(entries),
                file.toString(),
                work.toString(),
                "jca")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    System.out.print("CrlWriter in a JVM with -Xmx32m: " + output);

    assertEquals(0, process.exitValue(), output);
    long size = Files.size(file);
    assertTrue(size > 32L << 20, "the CRL (" + size + " octets) is larger than the heap");
    assertEquals(size, declaredLength(file), "outer SEQUENCE length");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "the temporary file is deleted");
    }
  }

  /** Octets of the whole CertificateList according to its own header. */
  private static long declaredLength(Path file) throws Exception {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      assertEquals(0x30, in.readUnsignedByte(), "SEQUENCE");
      int first = in.readUnsignedByte();
      if (first < 0x80) {
        return 2 + first;
      }
      int octets = first & 0x7f;
      long length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | in.readUnsignedByte();
      }
      return 2 + octets + length;
    }
  }
}
