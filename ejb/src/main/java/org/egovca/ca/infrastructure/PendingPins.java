package org.egovca.ca.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.logging.Logger;
import org.egovca.ca.application.DataFiles;

/**
 * The owner-only files in {@code <data>/secrets} where a token's PIN waits until the key custodians
 * are enrolled: {@code token.pin} for the software token (the name an earlier version used for its
 * PIN, so that such an installation counts as one whose custodians are not enrolled yet), {@code
 * <name>.pin} for another token, which the installer puts there before the first start with the PIN
 * the HSM officer gave the token.
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

  /** Overwrites the file in place, so that its blocks do not keep the PIN, then deletes it. */
  void forget(String tokenName) {
    Path file = file(tokenName);
    try {
      if (Files.exists(file)) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.allocate((int) channel.size()));
          channel.force(true);
        }
        Files.delete(file);
        LOG.info(() -> "Deleted " + file + ": the key custodians hold the token's PIN now");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
