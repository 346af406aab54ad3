package org.egovca.sync.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.egovca.sync.testing.TestCa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustDirectoryTest {

  private static final TestCa CA = TestCa.sm2("iFutureCA");
  private static final TestCa ROOT = TestCa.sm2("iFutureCA Root");

  @TempDir Path directory;

  @Test
  void aCaFileHoldsEveryCertificateOfThatCa() throws IOException {
    TrustFiles.install(directory, "iFutureCA", CA, ROOT);
    assertEquals(
        List.of(CA.certificate(), ROOT.certificate()),
        new TrustDirectory(directory).forCaName("iFutureCA"));
  }

  @Test
  void aFileThatAppearsOrChangesCountsFromTheNextLookup() throws IOException {
    TrustDirectory trust = new TrustDirectory(directory);
    assertEquals(List.of(), trust.forCaName("iFutureCA"));
    TrustFiles.install(directory, "iFutureCA", CA);
    assertEquals(List.of(CA.certificate()), trust.forCaName("iFutureCA"));
    TestCa rolledOver = CA.nextKey();
    TrustFiles.install(directory, "iFutureCA", rolledOver, CA);
    Files.setLastModifiedTime(
        directory.resolve("iFutureCA.pem"), FileTime.from(Instant.now().plusSeconds(5)));
    assertEquals(List.of(rolledOver.certificate(), CA.certificate()), trust.forCaName("iFutureCA"));
    Files.delete(directory.resolve("iFutureCA.pem"));
    assertEquals(List.of(), trust.forCaName("iFutureCA"));
  }

  @Test
  void anUnreadableFileTrustsNothing() throws IOException {
    Files.writeString(
        directory.resolve("iFutureCA.pem"),
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    assertEquals(List.of(), new TrustDirectory(directory).forCaName("iFutureCA"));
  }

  @Test
  void namesOutsideTheDirectoryAreUnknown() throws IOException {
    TrustFiles.install(directory, "iFutureCA", CA);
    Path inner = directory.resolve("inner");
    Files.createDirectories(inner);
    assertEquals(List.of(), new TrustDirectory(inner).forCaName("../iFutureCA"));
  }
}
