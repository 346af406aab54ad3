package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovca.ca.application.port.CertificatePublisher.Withdrawal;
import org.egovca.ca.application.port.PublicationResult;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.application.port.PublishedCrl;
import org.egovca.ldap.slapd.Ldapsearch;
import org.egovca.ldap.slapd.SlapdPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes to a real OpenLDAP master and reads back from its syncrepl slave with Debian's
 * ldapsearch, as a relying party does (CPS §6.1.4.9, §7.3.3.3). One master/slave pair serves the
 * whole class; each test works on entries of its own.
 */
class SlapdPublishingTest {

  private static final String BASE = "o=iFutureCA,c=CN";
  private static final String USER_CERTIFICATE = "userCertificate;binary";
  private static final String CA_CERTIFICATE = "cACertificate;binary";
  private static final Duration REPLICATION = Duration.ofSeconds(10);

  private static final String TRUST_STORE = "javax.net.ssl.trustStore";
  private static final String TRUST_STORE_PASSWORD = "javax.net.ssl.trustStorePassword";
  private static final String TRUST_STORE_TYPE = "javax.net.ssl.trustStoreType";

  @TempDir Path folder;

  private static SlapdPair directory;
  private static Ldapsearch slave;

  private LdapCertificatePublisher publisher;

  @BeforeAll
  static void startDirectories() {
    directory = SlapdPair.start(BASE);
    slave = directory.slave();
  }

  @AfterAll
  static void stopDirectories() {
    directory.close();
  }

  @BeforeEach
  void createPublisher() {
    publisher = publisher(Map.of());
  }

  @AfterEach
  void closePublisher() {
    publisher.close();
  }

  private static LdapCertificatePublisher publisher(Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>();
    properties.put("egovca.ldap.embedded", "false");
    properties.put("egovca.ldap.url", directory.masterUrl().toString());
    properties.put("egovca.ldap.baseDn", directory.baseDn());
    properties.put("egovca.ldap.bindDn", directory.bindDn());
    properties.put("egovca.ldap.bindPassword", directory.bindPassword());
    properties.putAll(extra);
    return new LdapCertificatePublisher(DirectoryConfiguration.from(properties::get));
  }

  private static void assertPublished(PublicationResult result) {
    assertTrue(result.published(), result.detail());
  }

  /** Waits until the slave holds exactly {@code expected} (in any order) in the attribute. */
  private static void awaitOnSlave(String filter, String attribute, byte[]... expected) {
    slave.awaitValues(filter, attribute, values -> sameValues(values, expected), REPLICATION);
  }

  private static boolean sameValues(List<byte[]> values, byte[]... expected) {
    return values.size() == expected.length
        && Arrays.stream(expected)
            .allMatch(e -> values.stream().anyMatch(v -> Arrays.equals(v, e)));
  }

  private static List<String> objectClasses(String filter) {
    return slave.values(filter, "objectClass").stream()
        .map(value -> new String(value, StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void caCertificateAndLinkCertificatesOfARolloverShareTheCaEntryUnderTheBase() {
    TestCa old = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    TestCa rolled = old.rolledOver();
    PublishedCertificate oldWithOld = old.caCertificate();
    PublishedCertificate newWithNew = rolled.caCertificate();
    PublishedCertificate newWithOld = old.linkCertificate(rolled);
    PublishedCertificate oldWithNew = rolled.linkCertificate(old);

    for (PublishedCertificate certificate :
        List.of(oldWithOld, newWithNew, newWithOld, oldWithNew)) {
      assertPublished(publisher.caCertificateAdded(certificate));
    }

    awaitOnSlave(
        "(cn=iFutureCA-SM2)",
        CA_CERTIFICATE,
        oldWithOld.encoded(),
        newWithNew.encoded(),
        newWithOld.encoded(),
        oldWithNew.encoded());
    assertEquals(List.of("cn=iFutureCA-SM2,o=iFutureCA,c=CN"), slave.dns("(cn=iFutureCA-SM2)"));
    assertTrue(objectClasses("(cn=iFutureCA-SM2)").contains("pkiCA"));
  }

  @Test
  void aHoldersSigningAndEncryptionCertificatesShareOneEntryAndRepeatingChangesNothing() {
    TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    PublishedCertificate signing = ca.issue("CN=张三,OU=研发部,O=测试单位,C=CN");
    PublishedCertificate encryption = ca.issue("CN=张三,OU=研发部,O=测试单位,C=CN");

    assertPublished(publisher.certificateAdded(signing));
    assertPublished(publisher.certificateAdded(encryption));
    PublicationResult again = publisher.certificateAdded(signing);
    assertPublished(again);
    assertTrue(again.detail().startsWith("already published"), again.detail());

    awaitOnSlave("(cn=张三)", USER_CERTIFICATE, signing.encoded(), encryption.encoded());
    assertEquals(List.of("cn=张三,ou=研发部,o=测试单位,o=iFutureCA,c=CN"), slave.dns("(cn=张三)"));
    assertTrue(objectClasses("(cn=张三)").containsAll(List.of("inetOrgPerson", "pkiUser")));
  }

  @Test
  void crlArlAndDeltaCrlGoToTheirAttributesOnANewCaEntry() {
    TestCa ca = new TestCa("iFutureCA-RSA", "CN=iFutureCA-RSA,O=iFutureCA,C=CN");
    PublishedCrl crl = ca.crl(PublishedCrl.Kind.CRL, 5);
    PublishedCrl arl = ca.crl(PublishedCrl.Kind.ARL, 5);
    PublishedCrl delta = ca.crl(PublishedCrl.Kind.DELTA, 6);

    assertPublished(publisher.crlAdded(crl));
    assertPublished(publisher.crlAdded(arl));
    assertPublished(publisher.crlAdded(delta));

    awaitOnSlave("(cn=iFutureCA-RSA)", "certificateRevocationList;binary", crl.encoded());
    awaitOnSlave("(cn=iFutureCA-RSA)", "authorityRevocationList;binary", arl.encoded());
    awaitOnSlave("(cn=iFutureCA-RSA)", "deltaRevocationList;binary", delta.encoded());
    assertTrue(objectClasses("(cn=iFutureCA-RSA)").containsAll(List.of("pkiCA", "deltaCRL")));
  }

  @Test
  void aNewerCrlReplacesTheOldOneAndAnOlderOneNeverReplacesANewer() {
    TestCa ca = new TestCa("iFutureCA-Sub", "CN=iFutureCA-Sub,O=iFutureCA,C=CN");
    assertPublished(publisher.caCertificateAdded(ca.caCertificate()));
    PublishedCrl tenth = ca.crl(PublishedCrl.Kind.CRL, 10);
    PublishedCrl eleventh = ca.crl(PublishedCrl.Kind.CRL, 11);
    String attribute = "certificateRevocationList;binary";

    assertPublished(publisher.crlAdded(tenth));
    assertPublished(publisher.crlAdded(eleventh));
    PublicationResult late = publisher.crlAdded(tenth);
    assertPublished(late);
    assertTrue(late.detail().startsWith("newer already published"), late.detail());
    PublicationResult repeated = publisher.crlAdded(eleventh);
    assertTrue(repeated.detail().startsWith("already published"), repeated.detail());

    awaitOnSlave("(cn=iFutureCA-Sub)", attribute, eleventh.encoded());
    assertArrayEquals(
        eleventh.encoded(), directory.master().values("(cn=iFutureCA-Sub)", attribute).get(0));
  }

  @Test
  void withdrawalRemovesExactlyThatCertificateThenTheEmptyEntry() {
    TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    PublishedCertificate signing = ca.issue("CN=Li Si,OU=Finance,O=Bureau,C=CN");
    PublishedCertificate encryption = ca.issue("CN=Li Si,OU=Finance,O=Bureau,C=CN");
    assertPublished(publisher.certificateAdded(signing));
    assertPublished(publisher.certificateAdded(encryption));

    PublicationResult revoked = publisher.certificateWithdrawn(signing, Withdrawal.REVOKED);
    assertPublished(revoked);
    assertTrue(revoked.detail().startsWith("removed from"), revoked.detail());
    awaitOnSlave("(cn=Li Si)", USER_CERTIFICATE, encryption.encoded());
    PublicationResult again = publisher.certificateWithdrawn(signing, Withdrawal.REVOKED);
    assertTrue(again.detail().startsWith("not in the directory"), again.detail());

    PublicationResult expired = publisher.certificateWithdrawn(encryption, Withdrawal.EXPIRED);
    assertTrue(expired.detail().startsWith("removed, entry deleted"), expired.detail());
    slave.awaitCount("(cn=Li Si)", 0, REPLICATION);
    assertEquals(1, slave.count("(ou=Finance)"), "the parent stays");
    assertPublished(publisher.certificateWithdrawn(encryption, Withdrawal.EXPIRED));
  }

  @Test
  void theKeepRuleLeavesRevokedCertificatesButConsentWithdrawalAlwaysRemoves() {
    LdapCertificatePublisher keeping = publisher(Map.of("egovca.ldap.rules.onRevoked", "keep"));
    try {
      TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
      PublishedCertificate certificate = ca.issue("CN=Wang Wu,O=Bureau,C=CN");
      assertPublished(keeping.certificateAdded(certificate));

      PublicationResult kept = keeping.certificateWithdrawn(certificate, Withdrawal.REVOKED);
      assertPublished(kept);
      assertTrue(kept.detail().contains("kept"), kept.detail());
      awaitOnSlave("(cn=Wang Wu)", USER_CERTIFICATE, certificate.encoded());

      assertPublished(keeping.certificateWithdrawn(certificate, Withdrawal.NOT_CONSENTED));
      slave.awaitCount("(cn=Wang Wu)", 0, REPLICATION);
    } finally {
      keeping.close();
    }
  }

  @Test
  void aCaOutsideTheRulesIsNotPublished() {
    LdapCertificatePublisher onlyRsa =
        publisher(Map.of("egovca.ldap.rules.caNames", "iFutureCA-RSA"));
    try {
      TestCa sm2 = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
      PublicationResult result = onlyRsa.certificateAdded(sm2.issue("CN=Zhao Liu,O=Bureau,C=CN"));
      assertPublished(result);
      assertTrue(result.detail().startsWith("not published"), result.detail());
      assertEquals(0, directory.master().count("(cn=Zhao Liu)"));
    } finally {
      onlyRsa.close();
    }
  }

  @Test
  void publishesOverLdapsToAMasterWhoseCertificateNamesTheHost() {
    LdapCertificatePublisher tls =
        publisher(
            Map.of(
                "egovca.ldap.url",
                directory.masterLdapsUrl().toString(),
                "egovca.ldap.tls.trustedCertificates",
                directory.tlsCaCertificate().toString()));
    try {
      TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
      PublishedCertificate certificate = ca.issue("CN=Qian Jiu,O=Bureau,C=CN");
      assertPublished(tls.certificateAdded(certificate));
      awaitOnSlave("(cn=Qian Jiu)", USER_CERTIFICATE, certificate.encoded());
    } finally {
      tls.close();
    }
  }

  @Test
  void refusesATlsMasterWhoseCertificateNamesAnotherHostOrComesFromAnUntrustedCa()
      throws Exception {
    String localhost = directory.masterLdapsUrl().toString().replace("127.0.0.1", "localhost");
    LdapCertificatePublisher wrongHost =
        publisher(
            Map.of(
                "egovca.ldap.url",
                localhost,
                "egovca.ldap.tls.trustedCertificates",
                directory.tlsCaCertificate().toString()));
    LdapCertificatePublisher untrusted =
        publisher(
            Map.of(
                "egovca.ldap.url",
                directory.masterLdapsUrl().toString(),
                "egovca.ldap.tls.trustedCertificates",
                anotherCa().toString()));
    try {
      TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
      PublishedCertificate certificate = ca.issue("CN=Wu Shi,O=Bureau,C=CN");
      assertFalse(wrongHost.certificateAdded(certificate).published());
      assertFalse(untrusted.certificateAdded(certificate).published());
      assertEquals(0, directory.master().count("(cn=Wu Shi)"));
    } finally {
      wrongHost.close();
      untrusted.close();
    }
  }

  /**
   * The server's trust store holds the CA's own RSA TLS CA, which issues TLS server certificates to
   * holders: a server certificate from it for the directory's host must not get the bind password.
   * Here the JVM trusts the master's CA; the publisher still trusts only its anchors.
   */
  @Test
  void theServersTrustStoreIsNeverTrustedForLdaps() throws Exception {
    Path trustStore = folder.resolve("cacerts.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream pem = Files.newInputStream(directory.tlsCaCertificate())) {
      store.setCertificateEntry(
          "egovca-tls-ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      store.store(out, "changeit".toCharArray());
    }
    Map<String, String> previous = new HashMap<>();
    for (String property : List.of(TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE)) {
      previous.put(property, System.getProperty(property));
    }
    System.setProperty(TRUST_STORE, trustStore.toString());
    System.setProperty(TRUST_STORE_PASSWORD, "changeit");
    System.setProperty(TRUST_STORE_TYPE, "PKCS12");
    try {
      IllegalArgumentException withoutAnchors =
          assertThrows(
              IllegalArgumentException.class,
              () -> publisher(Map.of("egovca.ldap.url", directory.masterLdapsUrl().toString())));
      assertTrue(
          withoutAnchors.getMessage().startsWith("egovca.ldap.tls.trustedCertificates is required"),
          withoutAnchors.getMessage());

      LdapCertificatePublisher otherAnchors =
          publisher(
              Map.of(
                  "egovca.ldap.url",
                  directory.masterLdapsUrl().toString(),
                  "egovca.ldap.tls.trustedCertificates",
                  anotherCa().toString()));
      try {
        PublishedCertificate certificate =
            new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN")
                .issue("CN=Zheng Shiyi,O=Bureau,C=CN");
        PublicationResult refused = otherAnchors.certificateAdded(certificate);
        assertFalse(refused.published(), refused.detail());
        assertEquals(0, directory.master().count("(cn=Zheng Shiyi)"));
      } finally {
        otherAnchors.close();
      }
    } finally {
      previous.forEach(
          (property, value) -> {
            if (value == null) {
              System.clearProperty(property);
            } else {
              System.setProperty(property, value);
            }
          });
    }
  }

  /** A PEM file with the certificate of a CA that has nothing to do with the directory. */
  private Path anotherCa() throws IOException {
    byte[] der =
        new TestCa("Unrelated TLS CA", "CN=Unrelated TLS CA,O=Elsewhere,C=CN")
            .caCertificate()
            .encoded();
    return Files.writeString(
        folder.resolve("unrelated-ca.pem"),
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);
  }

  @Test
  void whileTheMasterIsDownPublicationFailsQuicklyAndSucceedsOnceItIsBack() {
    TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    PublishedCertificate before = ca.issue("CN=Sun Qi,O=Bureau,C=CN");
    PublishedCertificate during = ca.issue("CN=Zhou Ba,O=Bureau,C=CN");
    assertPublished(publisher.certificateAdded(before));
    // the slave has it before the master goes down (replication takes a moment under load)
    awaitOnSlave("(cn=Sun Qi)", USER_CERTIFICATE, before.encoded());
    directory.stopMaster();
    try {
      long started = System.nanoTime();
      PublicationResult failed = publisher.certificateAdded(during);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      assertFalse(failed.published(), failed.detail());
      assertTrue(failed.detail().startsWith("LDAP publication failed"), failed.detail());
      // a guard against hanging, not a performance claim
      assertTrue(elapsed.compareTo(Duration.ofSeconds(10)) < 0, "took " + elapsed);
      assertEquals(1, slave.count("(cn=Sun Qi)"), "the slave still serves what it has");
    } finally {
      directory.startMaster();
    }
    assertPublished(publisher.certificateAdded(during));
    awaitOnSlave("(cn=Zhou Ba)", USER_CERTIFICATE, during.encoded());
  }
}
