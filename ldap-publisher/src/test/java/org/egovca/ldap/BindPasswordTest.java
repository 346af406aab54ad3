package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindPasswordTest {

  @TempDir Path dataDir;

  @Test
  void generatesAnOwnerOnlyPasswordOnceAndKeepsIt() throws Exception {
    DirectoryConfiguration configuration =
        DirectoryConfiguration.from(Map.of("egovca.data.dir", dataDir.toString())::get);
    String first = BindPassword.resolve(configuration);
    Path file = dataDir.resolve("ldap").resolve(BindPassword.FILE_NAME);
    assertTrue(first.length() >= 32, "a long random password");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first, BindPassword.resolve(configuration));
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void prefersTheConfiguredPassword() throws Exception {
    DirectoryConfiguration configuration =
        DirectoryConfiguration.from(
            Map.of("egovca.data.dir", dataDir.toString(), "egovca.ldap.bindPassword", "given")
                ::get);
    assertEquals("given", BindPassword.resolve(configuration));
    assertTrue(Files.notExists(dataDir.resolve("ldap")));
  }

  @Test
  void anExternalDirectoryNeedsAConfiguredPassword() {
    DirectoryConfiguration configuration =
        DirectoryConfiguration.from(
            Map.of("egovca.data.dir", dataDir.toString(), "egovca.ldap.embedded", "false")::get);
    assertThrows(IllegalStateException.class, () -> BindPassword.resolve(configuration));
  }
}
