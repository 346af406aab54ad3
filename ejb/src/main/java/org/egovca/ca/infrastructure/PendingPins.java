package org.egovca.ca.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.logging.Logger;
import org.egovca.ca.application.DataFiles;

/**
 * The owner-only files in {@code <data>/secrets} where a token's PIN waits until the key custodians
 * are enrolled: {@code token.pin} for the software token (the name an earlier version used for its
 * PIN, so that such an installation counts as one whose custodians are not enrolled yet), {@code
 * <name>.pin} for another token, which the installer puts there before the first start with the PIN
 * the HSM officer gave the token. While a token changes to a new PIN at the enrolment, the new PIN
 * waits beside the old one as {@code <file>.next} until the token has it.
 */
final class PendingPins {

  private static final Logger LOG = Logger.getLogger(PendingPins.class.getName());

  private final Path directory;
  private final String softwareToken;

  PendingPins(Path directory, String softwareToken) {
    this.directory = directory;
    this.softwareToken = softwareToken;
  }

  Path file(String tokenName) {
    return directory.resolve(tokenName.equals(softwareToken) ? "token.pin" : tokenName + ".pin");
  }

  /** The waiting PIN of {@code tokenName}, if its file is there; the caller clears it. */
  Optional<char[]> read(String tokenName) {
    Path file = file(tokenName);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DataFiles.readOrCreateSecret(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Writes a new random PIN for {@code tokenName} beside the waiting one ({@code <file>.next}),
   * before the token changes to it, so that a crash in between loses neither; the caller clears it.
   */
  char[] createNext(String tokenName) {
    Path next = nextFile(tokenName);
    if (Files.exists(next)) {
      throw new IllegalStateException(
          "an earlier PIN change of token "
              + tokenName
              + " did not finish ("
              + next
              + "); restart the CA, which settles it, before the enrolment");
    }
    try {
      return DataFiles.readOrCreateSecret(next);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + next, e);
    }
  }

  /**
   * The PIN a change left beside the waiting one, if a crash kept it there; the caller clears it.
   */
  Optional<char[]> readNext(String tokenName) {
    Path next = nextFile(tokenName);
    if (!Files.exists(next)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DataFiles.readOrCreateSecret(next));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + next, e);
    }
  }

  /** The token changed to the next PIN: it replaces the waiting one, in one rename. */
  void promoteNext(String tokenName) {
    try {
      Files.move(nextFile(tokenName), file(tokenName), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file(tokenName), e);
    }
  }

  /** The token kept its PIN: the next one goes. */
  void forgetNext(String tokenName) {
    try {
      erase(nextFile(tokenName));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + nextFile(tokenName), e);
    }
  }

  /** Deletes the waiting PIN and any next one, each overwritten first. */
  void forget(String tokenName) {
    Path file = file(tokenName);
    try {
      erase(nextFile(tokenName));
      if (erase(file)) {
        LOG.info(() -> "Deleted " + file + ": the key custodians hold the token's PIN now");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private Path nextFile(String tokenName) {
    Path file = file(tokenName);
    return file.resolveSibling(file.getFileName() + ".next");
  }

  /** Overwrites the file in place, so that its blocks do not keep the PIN, then deletes it. */
  private static boolean erase(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate((int) channel.size()));
      channel.force(true);
    }
    Files.delete(file);
    return true;
  }
}
