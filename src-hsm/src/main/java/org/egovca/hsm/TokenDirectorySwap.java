package org.egovca.hsm;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * Replaces a software token's whole directory so that a crash at any point leaves exactly one
 * complete token: the old one or the new one. A PIN change re-encrypts every key under the new PIN,
 * which cannot be done file by file without a moment where some keys need the old PIN and some the
 * new one.
 *
 * <p>The new token is written completely as the sibling {@code <dir>.next}; then {@code <dir>}
 * moves to {@code <dir>.old}, {@code <dir>.next} to {@code <dir>}, and {@code <dir>.old} is erased
 * (every file overwritten with random bytes, forced to disk, deleted). {@link #recover} finishes or
 * undoes a swap a crash interrupted, before the token is opened.
 */
final class TokenDirectorySwap {

  private static final Logger LOG = Logger.getLogger(TokenDirectorySwap.class.getName());

  private TokenDirectorySwap() {}

  /** Where the new token is written before the swap. */
  static Path next(Path directory) {
    return directory.resolveSibling(directory.getFileName() + ".next");
  }

  private static Path old(Path directory) {
    return directory.resolveSibling(directory.getFileName() + ".old");
  }

  /**
   * Finishes or undoes an interrupted swap of {@code directory}: a complete {@code .next} without
   * the directory (the crash came between the two renames) becomes the token; a {@code .next}
   * beside the directory was never complete and is erased; an {@code .old} is erased once the
   * directory exists, or becomes the token again if nothing else can.
   */
  static void recover(String tokenName, Path directory) {
    Path next = next(directory);
    Path old = old(directory);
    try {
      refuseLinks(directory, next, old);
      if (!Files.exists(directory) && Files.exists(next)) {
        move(next, directory);
        LOG.warning(() -> "Crypto token " + tokenName + ": finished an interrupted PIN change");
      } else if (!Files.exists(directory) && Files.exists(old)) {
        move(old, directory);
        LOG.warning(() -> "Crypto token " + tokenName + ": undid an interrupted PIN change");
      }
      if (Files.exists(next)) {
        erase(next);
        LOG.warning(() -> "Crypto token " + tokenName + ": erased an unfinished PIN change");
      }
      if (Files.exists(old)) {
        erase(old);
      }
    } catch (IOException e) {
      throw new CryptoTokenException(
          "cannot recover the interrupted PIN change of crypto token " + tokenName, e);
    }
  }

  /** Puts the complete {@link #next} in the place of {@code directory} and erases the old one. */
  static void swap(String tokenName, Path directory) throws IOException {
    Path next = next(directory);
    Path old = old(directory);
    move(directory, old);
    try {
      move(next, directory);
    } catch (IOException e) {
      try {
        move(old, directory);
      } catch (IOException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
    try {
      erase(old);
    } catch (IOException e) {
      // the new token is in place; the old one goes when the token is next opened (recover)
      LOG.warning(() -> "Crypto token " + tokenName + ": cannot erase " + old + " yet: " + e);
    }
  }

  /**
   * A token's directory and its siblings are never symbolic links: erasing one would follow it and
   * overwrite whatever it points at (another token's keys, say).
   */
  private static void refuseLinks(Path... paths) throws IOException {
    for (Path path : paths) {
      if (Files.isSymbolicLink(path)) {
        throw new IOException(path + " is a symbolic link; a crypto token's files never are");
      }
    }
  }

  /** Erases a directory left by an earlier attempt, if there is one. */
  static void eraseIfPresent(Path directory) throws IOException {
    if (Files.exists(directory)) {
      erase(directory);
    }
  }

  /**
   * Overwrites every file of a token directory with random bytes, forces it to disk and deletes it,
   * then the directory: the files hold keys encrypted under a PIN that someone may still know.
   */
  private static void erase(Path directory) throws IOException {
    refuseLinks(directory);
    SecureRandom random = new SecureRandom();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        // a link inside is deleted itself, never followed
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          AtomicFiles.overwriteWithNoise(file, random);
        }
        Files.delete(file);
      }
    }
    Files.delete(directory);
    AtomicFiles.syncDirectory(directory.toAbsolutePath().getParent());
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, ATOMIC_MOVE);
    AtomicFiles.syncDirectory(to.toAbsolutePath().getParent());
  }
}
