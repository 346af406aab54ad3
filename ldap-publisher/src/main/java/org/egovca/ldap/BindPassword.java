package org.egovca.ldap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Resolves the password of the directory's bind DN. A developer running the embedded directory
 * should not have to invent one, and a fixed default would be a well-known credential; so when none
 * is configured, a random password is generated on first use and kept, readable by the owner only,
 * in {@code <dataDir>/ldap/directory.password}, where both the embedded directory and the publisher
 * find it.
 */
public final class BindPassword {

  /** Name of the generated password's file in the embedded directory's folder. */
  public static final String FILE_NAME = "directory.password";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private BindPassword() {}

  /**
   * The configured password, else (embedded directory only) the generated one.
   *
   * @throws IllegalStateException when an external directory is configured without a password
   * @throws IOException when the generated password's file cannot be read or written
   */
  public static String resolve(DirectoryConfiguration configuration) throws IOException {
    if (configuration.configuredBindPassword().isPresent()) {
      return configuration.configuredBindPassword().get();
    }
    if (!configuration.embedded()) {
      throw new IllegalStateException(
          DirectoryConfiguration.BIND_PASSWORD
              + " must be set when "
              + DirectoryConfiguration.EMBEDDED
              + " is false");
    }
    return readOrCreate(configuration.embeddedDataDir().resolve(FILE_NAME));
  }

  /**
   * The password kept in {@code file}, generating and storing one (mode 0600) if the file does not
   * exist. Synchronised so that the directory and the publisher, starting together in one JVM,
   * agree on a single password; the file is written under a temporary name and moved into place so
   * that a reader never sees it half-written.
   */
  static synchronized String readOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (stored.isEmpty()) {
        throw new IOException("The directory password file is empty: " + file);
      }
      return stored;
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp", ownerOnly(folder));
    try {
      Files.writeString(temporary, generated + System.lineSeparator(), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return generated;
  }

  private static FileAttribute<?>[] ownerOnly(Path folder) {
    if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }
    return new FileAttribute<?>[0];
  }
}
