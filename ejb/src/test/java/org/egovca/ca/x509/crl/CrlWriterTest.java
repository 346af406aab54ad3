package org.egovca.ca.x509.crl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.ca.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the writer treats its entry source, its temporary file and its output when things go wrong.
 */
class CrlWriterTest {

  private static PrivateKey key;

  @BeforeAll
  static void key() {
    key = TestKeys.sm2KeyPair().getPrivate();
  }

  @Test
  void removeFromCrlInACompleteCrlIsRefusedAndNothingIsWritten(@TempDir Path temp)
      throws Exception {
    List<RevokedEntry> entries = new ArrayList<>(CrlFixtures.mixedEntries());
    entries.add(
        RevokedEntry.of(
            BigInteger.valueOf(999), CrlFixtures.THIS_UPDATE, RevokedEntry.REMOVE_FROM_CRL));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CrlWriter.write(full(), entries::iterator, signer(), out, temp));
    assertTrue(e.getMessage().contains("removeFromCRL"), e.getMessage());
    assertEquals(0, out.size());
    assertEmpty(temp);
  }

  @Test
  void aSourceThatChangesBetweenPassesIsDetectedAndNothingIsWritten(@TempDir Path temp)
      throws Exception {
    List<RevokedEntry> entries = CrlFixtures.mixedEntries();
    AtomicInteger passes = new AtomicInteger();
    // The second pass yields one entry more, as a table that gained a row between two queries.
    EntrySource growing =
        () ->
            passes.incrementAndGet() == 1
                ? entries.subList(0, entries.size() - 1).iterator()
                : entries.iterator();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> CrlWriter.write(full(), growing, signer(), out, temp));
    assertTrue(e.getMessage().contains("second pass"), e.getMessage());
    assertEquals(0, out.size());
    assertEmpty(temp);
  }

  @Test
  void aSourceThatShrinksBetweenPassesIsDetected() {
    List<RevokedEntry> entries = CrlFixtures.mixedEntries();
    AtomicInteger passes = new AtomicInteger();
    EntrySource shrinking =
        () ->
            passes.incrementAndGet() == 1
                ? entries.iterator()
                : entries.subList(1, entries.size()).iterator();
    assertThrows(IllegalStateException.class, () -> CrlWriter.toBytes(full(), shrinking, signer()));
  }

  @Test
  void closeableIteratorsAreClosedAfterEachPass() throws Exception {
    AtomicInteger closed = new AtomicInteger();
    List<RevokedEntry> entries = CrlFixtures.mixedEntries();
    EntrySource source = () -> new ClosingIterator(entries.iterator(), closed);

    byte[] crl = CrlWriter.toBytes(full(), source, signer());

    assertEquals(2, closed.get());
    assertEquals(entries.size(), new X509CRLHolder(crl).getRevokedCertificates().size());
  }

  @Test
  void closeableIteratorsAreClosedWhenAPassFails() {
    AtomicInteger closed = new AtomicInteger();
    EntrySource source =
        () ->
            new ClosingIterator(
                Arrays.asList(
                        RevokedEntry.of(BigInteger.TEN, CrlFixtures.THIS_UPDATE),
                        (RevokedEntry) null)
                    .iterator(),
                closed);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CrlWriter.toBytes(full(), source, signer()));
    assertTrue(e.getMessage().contains("entry 1"), e.getMessage());
    assertEquals(1, closed.get());
  }

  @Test
  void temporaryFileIsDeletedAfterSuccess(@TempDir Path temp) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrlWriter.write(full(), CrlFixtures.mixedEntries()::iterator, signer(), out, temp);
    assertEmpty(temp);
    assertTrue(new X509CRLHolder(out.toByteArray()).getRevokedCertificates().size() > 0);
  }

  private static CrlContent full() {
    return CrlFixtures.full(signer().getAlgorithmIdentifier());
  }

  private static ContentSigner signer() {
    return TestKeys.signer("SM3withSM2", key);
  }

  private static void assertEmpty(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(), files.toList());
    }
  }

  /** An iterator that is also a resource, as a database cursor is. */
  private record ClosingIterator(Iterator<RevokedEntry> entries, AtomicInteger closed)
      implements Iterator<RevokedEntry>, AutoCloseable {

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public RevokedEntry next() {
      return entries.next();
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
