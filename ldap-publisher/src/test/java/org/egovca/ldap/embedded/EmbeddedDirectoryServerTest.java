package org.egovca.ldap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDirectoryServerTest {

  private static final String BASE = "o=iFutureCA,c=CN";
  private static final String MANAGER = "cn=Directory Manager";
  private static final String PASSWORD = "test-password";

  @TempDir Path dataDir;

  private EmbeddedDirectoryServer server;

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private EmbeddedDirectoryServer start() throws Exception {
    EmbeddedDirectoryServer started =
        new EmbeddedDirectoryServer(
            new EmbeddedDirectoryServer.Settings("127.0.0.1", 0, BASE, dataDir, MANAGER, PASSWORD));
    started.start();
    return started;
  }

  private LDAPConnection manager() throws LDAPException {
    return new LDAPConnection("127.0.0.1", server.port(), MANAGER, PASSWORD);
  }

  @Test
  void createsTheBaseEntryAndLetsAnyoneRead() throws Exception {
    server = start();
    assertTrue(server.port() > 0);
    try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", server.port())) {
      SearchResultEntry base = anonymous.getEntry(BASE);
      assertNotNull(base);
      assertTrue(base.hasObjectClass("organization"));
      assertEquals("iFutureCA", base.getAttributeValue("o"));
      assertNotNull(
          anonymous.getSchema().getObjectClass("pkiUser"), "RFC 4523 schema is published");
    }
  }

  @Test
  void onlyTheManagerWrites() throws Exception {
    server = start();
    try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", server.port())) {
      LDAPException refused =
          assertThrows(
              LDAPException.class,
              () -> anonymous.add("dn: ou=x," + BASE, "objectClass: organizationalUnit", "ou: x"));
      assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, refused.getResultCode());
    }
    try (LDAPConnection manager = manager()) {
      manager.add(
          "dn: cn=someone," + BASE,
          "objectClass: person",
          "cn: someone",
          "sn: someone",
          "userPassword: known");
    }
    LDAPException otherBind =
        assertThrows(
            LDAPException.class,
            () -> new LDAPConnection("127.0.0.1", server.port(), "cn=someone," + BASE, "known"));
    assertEquals(ResultCode.INVALID_CREDENTIALS, otherBind.getResultCode());
    assertThrows(
        LDAPException.class,
        () -> new LDAPConnection("127.0.0.1", server.port(), MANAGER, "wrong"));
  }

  @Test
  void keepsItsContentAcrossRestarts() throws Exception {
    server = start();
    try (LDAPConnection manager = manager()) {
      manager.add("dn: ou=Kept," + BASE, "objectClass: organizationalUnit", "ou: Kept");
    }
    server.stop();
    assertTrue(Files.exists(dataDir.resolve(EmbeddedDirectoryServer.LDIF_FILE_NAME)));
    try (var files = Files.list(dataDir)) {
      assertEquals(1, files.count(), "only the snapshot, no temporary file");
    }

    server = start();
    try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", server.port())) {
      assertNotNull(anonymous.getEntry("ou=Kept," + BASE));
      assertNotNull(anonymous.getEntry(BASE));
    }
  }

  @Test
  void snapshotsOnlyAfterAChange() throws Exception {
    server = start();
    Path ldif = dataDir.resolve(EmbeddedDirectoryServer.LDIF_FILE_NAME);
    assertTrue(server.snapshotIfChanged(), "the new base entry is saved");
    assertFalse(server.snapshotIfChanged(), "nothing changed since");

    try (LDAPConnection manager = manager()) {
      manager.add("dn: ou=Later," + BASE, "objectClass: organizationalUnit", "ou: Later");
    }
    assertTrue(server.snapshotIfChanged());
    assertTrue(Files.readString(ldif).contains("ou=Later," + BASE));
    assertFalse(server.snapshotIfChanged());
  }
}
