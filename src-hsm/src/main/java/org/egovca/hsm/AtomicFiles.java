package org.egovca.hsm;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Writes token files so that a crash never leaves a half-written key behind and, on POSIX file
 * systems, nobody but the owner can read them: the content goes to an owner-only temporary file in
 * the same directory, is forced to disk, and is then renamed over the target.
 */
final class AtomicFiles {
  /** Prefix and suffix of temporary files; token files never look like this. */
  private static final String TEMP_PREFIX = ".tmp-";

  private static final String TEMP_SUFFIX = ".part";

  private AtomicFiles() {}

  /** Creates {@code directory} and missing parents, owner-only (rwx------) on POSIX. */
  static void createPrivateDirectories(Path directory) throws IOException {
    if (isPosix(directory)) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(directory);
    }
  }

  /** Replaces {@code target} with {@code content} atomically; owner-only (rw-------) on POSIX. */
  static void write(Path target, byte[] content) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    FileAttribute<?>[] attributes =
        isPosix(directory)
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX, attributes);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    syncDirectory(directory);
  }

  /**
   * Overwrites {@code file} in place with random bytes and forces them to disk, so that its blocks
   * no longer hold what it held (as far as the file system rewrites in place).
   */
  static void overwriteWithNoise(Path file, SecureRandom random) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      byte[] noise = new byte[Math.toIntExact(channel.size())];
      random.nextBytes(noise);
      ByteBuffer buffer = ByteBuffer.wrap(noise);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory: the rename is then as durable as the
      // file system makes it.
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
