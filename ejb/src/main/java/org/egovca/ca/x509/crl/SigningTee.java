package org.egovca.ca.x509.crl;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends the TBSCertList to the spool and to the signer in one go, so the entries are encoded once
 * for both. Buffered, because the writer hands over one small entry at a time; counts the octets so
 * the writer can check the second pass matched the lengths of the first.
 */
final class SigningTee extends OutputStream {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final OutputStream spool;
  private final OutputStream signer;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int buffered;
  private long count;

  SigningTee(OutputStream spool, OutputStream signer) {
    this.spool = spool;
    this.signer = signer;
  }

  /** Octets written so far. */
  long count() {
    return count;
  }

  @Override
  public void write(int b) throws IOException {
    if (buffered == buffer.length) {
      drain();
    }
    buffer[buffered++] = (byte) b;
    count++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (length > buffer.length - buffered) {
      drain();
    }
    if (length > buffer.length) {
      spool.write(bytes, offset, length);
      signer.write(bytes, offset, length);
    } else {
      System.arraycopy(bytes, offset, buffer, buffered, length);
      buffered += length;
    }
    count += length;
  }

  @Override
  public void flush() throws IOException {
    drain();
    spool.flush();
    signer.flush();
  }

  /** Flushes and closes both targets; the signer's stream is closed as BouncyCastle does. */
  @Override
  public void close() throws IOException {
    try (signer;
        spool) {
      drain();
    }
  }

  private void drain() throws IOException {
    if (buffered > 0) {
      spool.write(buffer, 0, buffered);
      signer.write(buffer, 0, buffered);
      buffered = 0;
    }
  }
}
