package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryConfigurationTest {

  @Test
  void defaultsToTheEmbeddedDevelopmentDirectory() {
    DirectoryConfiguration defaults = DirectoryConfiguration.from(name -> null);
    assertTrue(defaults.embedded());
    assertEquals(URI.create("ldap://127.0.0.1:10389"), defaults.url());
    assertEquals(10389, defaults.listenPort());
    assertEquals("127.0.0.1", defaults.listenAddress());
    assertEquals("o=iFutureCA,c=CN", defaults.baseDn());
    assertEquals("cn=Directory Manager", defaults.bindDn());
    assertTrue(defaults.configuredBindPassword().isEmpty());
    assertEquals(Duration.ofMillis(3000), defaults.connectTimeout());
    assertEquals(Duration.ofMillis(5000), defaults.operationTimeout());
    assertEquals(
        Path.of(System.getProperty("user.home"), ".egov-ca", "data", "ldap"),
        defaults.embeddedDataDir());
  }

  @Test
  void readsEveryProperty() {
    Map<String, String> properties =
        Map.of(
            "egovca.ldap.embedded", "false",
            "egovca.ldap.url", "ldaps://directory.example.cn",
            "egovca.ldap.port", "20389",
            "egovca.ldap.baseDn", "o=Test,c=CN",
            "egovca.ldap.bindDn", "cn=admin,o=Test,c=CN",
            "egovca.ldap.bindPassword", "s3cret",
            "egovca.ldap.connectTimeoutMillis", "100",
            "egovca.ldap.operationTimeoutMillis", "200",
            "egovca.data.dir", "/var/lib/egovca");
    DirectoryConfiguration configuration = DirectoryConfiguration.from(properties::get);
    assertFalse(configuration.embedded());
    assertEquals(URI.create("ldaps://directory.example.cn"), configuration.url());
    assertEquals(20389, configuration.listenPort());
    assertEquals("o=Test,c=CN", configuration.baseDn());
    assertEquals("cn=admin,o=Test,c=CN", configuration.bindDn());
    assertEquals("s3cret", configuration.configuredBindPassword().orElseThrow());
    assertEquals(Duration.ofMillis(100), configuration.connectTimeout());
    assertEquals(Duration.ofMillis(200), configuration.operationTimeout());
    assertEquals(Path.of("/var/lib/egovca/ldap"), configuration.embeddedDataDir());
  }

  @Test
  void theDefaultUrlFollowsTheEmbeddedPort() {
    DirectoryConfiguration configuration =
        DirectoryConfiguration.from(Map.of("egovca.ldap.port", "20389")::get);
    assertEquals(URI.create("ldap://127.0.0.1:20389"), configuration.url());
  }

  @Test
  void neverShowsThePassword() {
    DirectoryConfiguration configuration =
        DirectoryConfiguration.from(Map.of("egovca.ldap.bindPassword", "s3cret")::get);
    assertFalse(configuration.toString().contains("s3cret"), configuration.toString());
  }

  @Test
  void namesTheMalformedProperty() {
    IllegalArgumentException port =
        assertThrows(
            IllegalArgumentException.class,
            () -> DirectoryConfiguration.from(Map.of("egovca.ldap.port", "x")::get));
    assertTrue(port.getMessage().contains("egovca.ldap.port"));
    IllegalArgumentException url =
        assertThrows(
            IllegalArgumentException.class,
            () -> DirectoryConfiguration.from(Map.of("egovca.ldap.url", "http://x")::get));
    assertTrue(url.getMessage().contains("egovca.ldap.url"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DirectoryConfiguration.from(Map.of("egovca.ldap.embedded", "yes")::get));
  }
}
