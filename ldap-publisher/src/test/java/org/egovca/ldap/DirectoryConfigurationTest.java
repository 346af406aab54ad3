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
    assertEquals(8, defaults.maxConnections());
    assertEquals(
        "userCertificate;binary",
        defaults.publishing().of(PublishedItem.HOLDER_CERTIFICATE).description());
    assertTrue(defaults.rules().covers("any CA"));
    assertEquals(
        Path.of(System.getProperty("user.home"), ".egov-ca", "data", "ldap"),
        defaults.embeddedDataDir());
  }

  @Test
  void readsEveryProperty() {
    Map<String, String> properties =
        Map.ofEntries(
            Map.entry("egovca.ldap.embedded", "false"),
            Map.entry("egovca.ldap.url", "ldaps://directory.example.cn"),
            Map.entry("egovca.ldap.port", "20389"),
            Map.entry("egovca.ldap.baseDn", "o=Test,c=CN"),
            Map.entry("egovca.ldap.bindDn", "cn=admin,o=Test,c=CN"),
            Map.entry("egovca.ldap.bindPassword", "s3cret"),
            Map.entry("egovca.ldap.connectTimeoutMillis", "100"),
            Map.entry("egovca.ldap.operationTimeoutMillis", "200"),
            Map.entry("egovca.ldap.maxConnections", "16"),
            Map.entry("egovca.ldap.tls.trustedCertificates", "/etc/egovca/ldap-ca.pem"),
            Map.entry("egovca.ldap.publishing.crl.attribute", "certificateRevocationList"),
            Map.entry("egovca.ldap.rules.caNames", "iFutureCA-SM2"),
            Map.entry("egovca.data.dir", "/var/lib/egovca"));
    DirectoryConfiguration configuration = DirectoryConfiguration.from(properties::get);
    assertFalse(configuration.embedded());
    assertEquals(URI.create("ldaps://directory.example.cn"), configuration.url());
    assertEquals(20389, configuration.listenPort());
    assertEquals("o=Test,c=CN", configuration.baseDn());
    assertEquals("cn=admin,o=Test,c=CN", configuration.bindDn());
    assertEquals("s3cret", configuration.configuredBindPassword().orElseThrow());
    assertEquals(Duration.ofMillis(100), configuration.connectTimeout());
    assertEquals(Duration.ofMillis(200), configuration.operationTimeout());
    assertEquals(16, configuration.maxConnections());
    assertEquals(
        Path.of("/etc/egovca/ldap-ca.pem"), configuration.trustedCertificates().orElseThrow());
    assertEquals(
        "certificateRevocationList",
        configuration.publishing().of(PublishedItem.CRL).description());
    assertFalse(configuration.rules().covers("iFutureCA-RSA"));
    assertEquals(Path.of("/var/lib/egovca/ldap"), configuration.embeddedDataDir());
  }

  @Test
  void ldapsNeedsItsOwnTrustAnchors() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DirectoryConfiguration.from(
                    Map.of("egovca.ldap.url", "ldaps://directory.example.cn")::get));
    assertTrue(
        refused.getMessage().startsWith("egovca.ldap.tls.trustedCertificates is required"),
        refused.getMessage());
  }

  @Test
  void aBindPasswordDoesNotCrossTheNetworkInClear() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DirectoryConfiguration.from(
                    Map.of(
                            "egovca.ldap.url", "ldap://directory.example.cn",
                            "egovca.ldap.bindPassword", "s3cret")
                        ::get));
    assertTrue(refused.getMessage().contains("in clear"), refused.getMessage());
    assertFalse(refused.getMessage().contains("s3cret"));
    // on this machine, or where an administrator allows it for a test directory
    DirectoryConfiguration.from(
        Map.of("egovca.ldap.url", "ldap://127.0.0.1:389", "egovca.ldap.bindPassword", "s3cret")
            ::get);
    DirectoryConfiguration.from(
        Map.of(
                "egovca.ldap.url", "ldap://directory.example.cn",
                "egovca.ldap.bindPassword", "s3cret",
                "egovca.ldap.allowPlain", "true")
            ::get);
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
    assertTrue(configuration.toString().contains("bindPassword=configured"));
  }

  @Test
  void keepsThePasswordVerbatimAndTakesAnEmptyOneAsUnset() {
    assertEquals(
        " pass phrase ",
        DirectoryConfiguration.from(Map.of("egovca.ldap.bindPassword", " pass phrase ")::get)
            .configuredBindPassword()
            .orElseThrow());
    assertTrue(
        DirectoryConfiguration.from(Map.of("egovca.ldap.bindPassword", "")::get)
            .configuredBindPassword()
            .isEmpty());
  }

  @Test
  void refusesAPasswordAliasTheServerDidNotResolve() {
    IllegalArgumentException unresolved =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DirectoryConfiguration.from(
                    Map.of("egovca.ldap.bindPassword", "${ALIAS=egovca-ldap-bind-password}")::get));
    assertTrue(unresolved.getMessage().contains("egovca-ldap-bind-password"));
    assertFalse(unresolved.getMessage().contains("${"), unresolved.getMessage());
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
    for (String connections : new String[] {"0", "257", "many"}) {
      IllegalArgumentException pool =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  DirectoryConfiguration.from(
                      Map.of("egovca.ldap.maxConnections", connections)::get));
      assertTrue(pool.getMessage().contains("egovca.ldap.maxConnections"), pool.getMessage());
    }
    IllegalArgumentException rule =
        assertThrows(
            IllegalArgumentException.class,
            () -> DirectoryConfiguration.from(Map.of("egovca.ldap.rules.onExpired", "purge")::get));
    assertTrue(rule.getMessage().contains("egovca.ldap.rules.onExpired"), rule.getMessage());
  }
}
