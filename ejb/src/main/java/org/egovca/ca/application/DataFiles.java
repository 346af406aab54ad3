package org.egovca.ca.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Files the CA writes into its data directory, always atomically (temporary file, then move), all
 * readable by the server's account only: secrets (PINs, passwords, key stores) and public content
 * such as the CA chain alike, since the data directory is the instance's own (operators hand out
 * copies of the public files, or serve them from {@code /pki/ca}).
 */
public final class DataFiles {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private DataFiles() {}

  /** A new random password of 24 URL-safe characters (144 bits). */
  public static char[] randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
  }

  /** Reads the secret in {@code file}, first creating it with a random value if it is missing. */
  public static char[] readOrCreateSecret(Path file) throws IOException {
    if (!Files.exists(file)) {
      char[] secret = randomPassword();
      try {
        write(file, new String(secret).getBytes(StandardCharsets.US_ASCII), OWNER_ONLY, false);
        return secret;
      } catch (FileAlreadyExistsException raced) {
        // another start created it first: use theirs
      }
    }
    return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip().toCharArray();
  }

  /** Writes or replaces an owner-only file. */
  public static void replaceSecret(Path file, byte[] content) throws IOException {
    write(file, content, OWNER_ONLY, true);
  }

  /** Writes or replaces a file whose content is not secret (owner-only all the same). */
  public static void replacePublic(Path file, byte[] content) throws IOException {
    write(file, content, OWNER_ONLY, true);
  }

  private static void write(
      Path file, byte[] content, Set<PosixFilePermission> permissions, boolean replace)
      throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".egovca", ".tmp");
    try {
      setPermissions(temp, permissions);
      Files.write(temp, content);
      if (replace) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(temp, file);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void setPermissions(Path file, Set<PosixFilePermission> permissions)
      throws IOException {
    try {
      Files.setPosixFilePermissions(file, permissions);
    } catch (UnsupportedOperationException notPosix) {
      // Not a POSIX file system: the data directory's ACLs apply instead.
    }
  }
}
