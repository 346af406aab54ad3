package org.egovca.ca.x509.crl;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the TBSCertList while it is signed. The CertificateList SEQUENCE header in front of it
 * holds the total length, which includes the signature, so nothing can go to the output before
 * signing is done: the TBS bytes wait here and are copied after the header. This also means the
 * output receives a CRL only once it is complete and signed.
 *
 * <p>Large CRLs wait in a temporary file, so the heap holds none of their entries; small ones
 * ({@link CrlWriter#toBytes}) in memory.
 */
abstract class TbsSpool implements Closeable {

  /** Where the TBS bytes are written; called once. */
  abstract OutputStream output() throws IOException;

  /** Copies everything written to {@link #output()}, which must be closed, to {@code out}. */
  abstract void copyTo(OutputStream out) throws IOException;

  /**
   * A spool in a new temporary file in {@code directory} (or the default temporary-file directory
   * if null), owner-readable only on POSIX, deleted by {@link #close()}.
   */
  static TbsSpool inTempFile(Path directory) throws IOException {
    Path file =
        directory == null
            ? Files.createTempFile("crl-", ".tbs")
            : Files.createTempFile(directory, "crl-", ".tbs");
    return new FileSpool(file);
  }

  /** A spool in memory, for CRLs small enough to be returned as a byte array anyway. */
  static TbsSpool inMemory() {
    return new MemorySpool();
  }

  private static final class FileSpool extends TbsSpool {
    private final Path file;
    private OutputStream output;

    FileSpool(Path file) {
      this.file = file;
    }

    @Override
    OutputStream output() throws IOException {
      output = Files.newOutputStream(file);
      return output;
    }

    @Override
    void copyTo(OutputStream out) throws IOException {
      Files.copy(file, out);
    }

    @Override
    public void close() throws IOException {
      try {
        if (output != null) {
          output.close();
        }
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  private static final class MemorySpool extends TbsSpool {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Override
    OutputStream output() {
      return output;
    }

    @Override
    void copyTo(OutputStream out) throws IOException {
      output.writeTo(out);
    }

    @Override
    public void close() {}
  }
}
