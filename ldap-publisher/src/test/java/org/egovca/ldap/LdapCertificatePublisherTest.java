package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.egovca.ca.application.port.CertificatePublisher.Withdrawal;
import org.egovca.ca.application.port.PublicationResult;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.application.port.PublishedCrl;
import org.egovca.ldap.embedded.EmbeddedDirectoryServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes through the Apache Directory client into the embedded development directory
 * (UnboundID's in-memory server) and reads back with an independent client (UnboundID) and, where
 * installed, OpenLDAP's ldapsearch. {@link SlapdPublishingTest} covers the same behaviour on
 * OpenLDAP.
 */
class LdapCertificatePublisherTest {

  private static final String BASE = "o=iFutureCA,c=CN";
  private static final String MANAGER = "cn=Directory Manager";
  private static final String PASSWORD = "publisher-test";
  private static final String USER_CERTIFICATE = "userCertificate;binary";

  @TempDir Path dataDir;

  private EmbeddedDirectoryServer server;
  private LdapCertificatePublisher publisher;

  @BeforeEach
  void startDirectory() throws Exception {
    server = startServer(0);
    publisher = publisherFor(server.port(), 3000, 5000);
  }

  @AfterEach
  void stopDirectory() throws Exception {
    publisher.close();
    server.stop();
  }

  private EmbeddedDirectoryServer startServer(int port) throws IOException {
    EmbeddedDirectoryServer started =
        new EmbeddedDirectoryServer(
            new EmbeddedDirectoryServer.Settings(
                "127.0.0.1", port, BASE, dataDir.resolve("ldap"), MANAGER, PASSWORD));
    started.start();
    return started;
  }

  private LdapCertificatePublisher publisherFor(int port, int connectMillis, int operationMillis) {
    return new LdapCertificatePublisher(
        DirectoryConfiguration.from(
            Map.of(
                    "egovca.ldap.url", "ldap://127.0.0.1:" + port,
                    "egovca.ldap.bindPassword", PASSWORD,
                    "egovca.ldap.connectTimeoutMillis", Integer.toString(connectMillis),
                    "egovca.ldap.operationTimeoutMillis", Integer.toString(operationMillis),
                    "egovca.data.dir", dataDir.toString())
                ::get));
  }

  private SearchResultEntry findOne(String filter, String... attributes) throws Exception {
    try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", server.port())) {
      SearchResult result =
          anonymous.search(BASE, SearchScope.SUB, Filter.create(filter), attributes);
      assertEquals(1, result.getEntryCount(), "entries matching " + filter);
      return result.getSearchEntries().get(0);
    }
  }

  private static void assertPublished(PublicationResult result) {
    assertTrue(result.published(), result.detail());
  }

  @Test
  void publishesACaCertificate() throws Exception {
    PublishedCertificate ca = TestCertificates.issue("CN=iFutureCA Root,C=CN");
    assertPublished(publisher.caCertificateAdded(ca));

    SearchResultEntry entry = findOne("(cn=iFutureCA Root)", "cACertificate;binary", "objectClass");
    assertEquals(new DN("cn=iFutureCA Root,o=iFutureCA,c=CN"), entry.getParsedDN());
    assertArrayEquals(ca.encoded(), entry.getAttributeValueBytes("cACertificate;binary"));
    assertTrue(entry.hasObjectClass("pkiCA"));
  }

  @Test
  void publishesAHolderCertificateAndCreatesTheParents() throws Exception {
    PublishedCertificate alice = TestCertificates.issue("CN=Alice,OU=Dev,O=Org,C=CN");
    PublicationResult result = publisher.certificateAdded(alice);
    assertPublished(result);
    assertTrue(result.detail().contains("cn=Alice,ou=Dev,o=Org,o=iFutureCA,c=CN"), result.detail());

    SearchResultEntry entry = findOne("(cn=Alice)", USER_CERTIFICATE, "objectClass");
    assertEquals(new DN("cn=Alice,ou=Dev,o=Org,o=iFutureCA,c=CN"), entry.getParsedDN());
    assertArrayEquals(alice.encoded(), entry.getAttributeValueBytes(USER_CERTIFICATE));
    assertTrue(entry.hasObjectClass("inetOrgPerson"));
    assertTrue(entry.hasObjectClass("pkiUser"));
    assertTrue(findOne("(ou=Dev)", "objectClass").hasObjectClass("organizationalUnit"));
    assertTrue(findOne("(o=Org)", "objectClass").hasObjectClass("organization"));
  }

  @Test
  void publishesAChineseSubject() throws Exception {
    PublishedCertificate zhang = TestCertificates.issue("CN=张三,OU=研发部,O=测试单位,C=CN");
    assertPublished(publisher.certificateAdded(zhang));

    SearchResultEntry entry = findOne("(cn=张三)", USER_CERTIFICATE);
    assertEquals(new DN("cn=张三,ou=研发部,o=测试单位,o=iFutureCA,c=CN"), entry.getParsedDN());
    assertArrayEquals(zhang.encoded(), entry.getAttributeValueBytes(USER_CERTIFICATE));
  }

  @Test
  void keepsBothCertificatesOfAHolderAndRepublishesIdempotently() throws Exception {
    PublishedCertificate signing = TestCertificates.issue("CN=Bob,O=Org,C=CN");
    PublishedCertificate encryption = TestCertificates.issue("CN=Bob,O=Org,C=CN");
    assertEquals(signing.subjectDn(), encryption.subjectDn());

    assertPublished(publisher.certificateAdded(signing));
    assertPublished(publisher.certificateAdded(encryption));
    PublicationResult again = publisher.certificateAdded(signing);
    assertPublished(again);
    assertTrue(again.detail().startsWith("already"), again.detail());
    assertPublished(publisher.certificateAdded(encryption));

    List<byte[]> values =
        List.of(
            findOne("(cn=Bob)", USER_CERTIFICATE).getAttributeValueByteArrays(USER_CERTIFICATE));
    assertEquals(2, values.size());
    assertTrue(values.stream().anyMatch(v -> java.util.Arrays.equals(v, signing.encoded())));
    assertTrue(values.stream().anyMatch(v -> java.util.Arrays.equals(v, encryption.encoded())));
  }

  @Test
  void ldapsearchFindsTheCertificate() throws Exception {
    Path ldapsearch = Path.of("/usr/bin/ldapsearch");
    assumeTrue(Files.isExecutable(ldapsearch), "ldapsearch (Debian ldap-utils) is not installed");
    PublishedCertificate carol = TestCertificates.issue("CN=Carol,OU=Ops,O=Org,C=CN");
    assertPublished(publisher.certificateAdded(carol));

    Process process =
        new ProcessBuilder(
                ldapsearch.toString(),
                "-x",
                "-LLL",
                "-o",
                "ldif-wrap=no",
                "-H",
                "ldap://127.0.0.1:" + server.port(),
                "-b",
                BASE,
                "(cn=Carol)",
                USER_CERTIFICATE)
            .redirectErrorStream(true)
            .start();
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "ldapsearch finished");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("dn: cn=Carol,ou=Ops,o=Org,o=iFutureCA,c=CN"), output);
    assertTrue(
        output.contains(
            "userCertificate;binary:: " + Base64.getEncoder().encodeToString(carol.encoded())),
        output);
  }

  @Test
  void keepsPublishedEntriesAcrossADirectoryRestart() throws Exception {
    PublishedCertificate dave = TestCertificates.issue("CN=Dave,O=Org,C=CN");
    assertPublished(publisher.certificateAdded(dave));
    int port = server.port();
    server.stop();

    server = startServer(port);
    SearchResultEntry entry = findOne("(cn=Dave)", USER_CERTIFICATE);
    assertArrayEquals(dave.encoded(), entry.getAttributeValueBytes(USER_CERTIFICATE));

    // the pooled connection died with the old server: the pool must replace it
    PublishedCertificate erin = TestCertificates.issue("CN=Erin,O=Org,C=CN");
    assertPublished(publisher.certificateAdded(erin));
    assertNotNull(findOne("(cn=Erin)", USER_CERTIFICATE));
  }

  @Test
  void anUnreachableDirectoryFailsQuicklyWithoutThrowing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    LdapCertificatePublisher unreachable = publisherFor(closedPort, 1000, 1000);
    try {
      long started = System.nanoTime();
      PublicationResult result =
          unreachable.certificateAdded(TestCertificates.issue("CN=Frank,C=CN"));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      assertFalse(result.published());
      assertTrue(result.detail().startsWith("LDAP publication failed"), result.detail());
      assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed);
    } finally {
      unreachable.close();
    }
  }

  @Test
  void aDirectoryThatNeverAnswersFailsWithinTheTimeout() throws Exception {
    // accepts connections (the kernel completes the handshake) but never reads or answers
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      LdapCertificatePublisher stuck = publisherFor(silent.getLocalPort(), 1000, 1000);
      try {
        long started = System.nanoTime();
        PublicationResult result = stuck.certificateAdded(TestCertificates.issue("CN=Heidi,C=CN"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertFalse(result.published());
        assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed);
      } finally {
        stuck.close();
      }
    }
  }

  @Test
  void aWrongPasswordIsAFailedPublication() {
    LdapCertificatePublisher wrong =
        new LdapCertificatePublisher(
            DirectoryConfiguration.from(
                Map.of(
                        "egovca.ldap.url",
                        "ldap://127.0.0.1:" + server.port(),
                        "egovca.ldap.bindPassword",
                        "wrong",
                        "egovca.data.dir",
                        dataDir.toString())
                    ::get));
    try {
      assertFalse(wrong.certificateAdded(TestCertificates.issue("CN=Grace,C=CN")).published());
    } finally {
      wrong.close();
    }
  }

  @Test
  void aSubjectWithoutNamingRdnIsRefused() {
    PublicationResult result = publisher.certificateAdded(TestCertificates.issue("C=CN"));
    assertFalse(result.published());
    assertTrue(result.detail().contains("no RDN"), result.detail());
  }

  @Test
  void publishesEachKindOfCrlAndKeepsTheNewest() throws Exception {
    TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    PublishedCrl second = ca.crl(PublishedCrl.Kind.CRL, 2);
    PublishedCrl third = ca.crl(PublishedCrl.Kind.CRL, 3);
    PublishedCrl arl = ca.crl(PublishedCrl.Kind.ARL, 3);
    PublishedCrl delta = ca.crl(PublishedCrl.Kind.DELTA, 4);
    for (PublishedCrl crl : List.of(second, third, arl, delta)) {
      assertPublished(publisher.crlAdded(crl));
    }
    PublicationResult late = publisher.crlAdded(second);
    assertPublished(late);
    assertTrue(late.detail().startsWith("newer already published"), late.detail());

    SearchResultEntry entry =
        findOne(
            "(cn=iFutureCA-SM2)",
            "objectClass",
            "certificateRevocationList;binary",
            "authorityRevocationList;binary",
            "deltaRevocationList;binary");
    assertEquals(new DN("cn=iFutureCA-SM2,o=iFutureCA,c=CN"), entry.getParsedDN());
    assertArrayEquals(
        third.encoded(), entry.getAttributeValueBytes("certificateRevocationList;binary"));
    assertArrayEquals(
        arl.encoded(), entry.getAttributeValueBytes("authorityRevocationList;binary"));
    assertArrayEquals(delta.encoded(), entry.getAttributeValueBytes("deltaRevocationList;binary"));
    assertTrue(entry.hasObjectClass("pkiCA"));
    assertTrue(entry.hasObjectClass("deltaCRL"));
  }

  @Test
  void refusesACrlWhoseOwnNumberIsNotTheOneAnnounced() {
    TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    PublishedCrl seventh = ca.crl(PublishedCrl.Kind.CRL, 7);
    PublishedCrl mislabelled =
        new PublishedCrl(
            seventh.caName(),
            seventh.issuerDn(),
            BigInteger.valueOf(8),
            seventh.kind(),
            seventh.encoded());
    PublicationResult result = publisher.crlAdded(mislabelled);
    assertFalse(result.published());
    assertTrue(result.detail().contains("number is 7"), result.detail());
  }

  @Test
  void withdrawalKeepsAnEntryThatHoldsMoreThanItsNameOrHasChildren() throws Exception {
    TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");
    PublishedCertificate ivan = ca.issue("CN=Ivan,O=Org,C=CN");
    assertPublished(publisher.certificateAdded(ivan));
    try (LDAPConnection manager =
        new LDAPConnection("127.0.0.1", server.port(), MANAGER, PASSWORD)) {
      manager.modify(
          "cn=Ivan,o=Org,o=iFutureCA,c=CN",
          new Modification(ModificationType.ADD, "mail", "ivan@example.cn"));
    }
    PublishedCertificate unit = ca.issue("O=Bureau,C=CN");
    PublishedCertificate staff = ca.issue("CN=Staff,O=Bureau,C=CN");
    assertPublished(publisher.certificateAdded(unit));
    assertPublished(publisher.certificateAdded(staff));

    PublicationResult ivanRevoked = publisher.certificateWithdrawn(ivan, Withdrawal.REVOKED);
    assertTrue(ivanRevoked.detail().startsWith("removed from"), ivanRevoked.detail());
    SearchResultEntry ivanEntry = findOne("(cn=Ivan)", "mail", USER_CERTIFICATE);
    assertEquals("ivan@example.cn", ivanEntry.getAttributeValue("mail"));
    assertFalse(ivanEntry.hasAttribute(USER_CERTIFICATE));

    PublicationResult unitRevoked = publisher.certificateWithdrawn(unit, Withdrawal.REVOKED);
    assertTrue(unitRevoked.detail().startsWith("removed from"), unitRevoked.detail());
    assertFalse(findOne("(o=Bureau)", USER_CERTIFICATE).hasAttribute(USER_CERTIFICATE));
    assertNotNull(findOne("(cn=Staff)", USER_CERTIFICATE).getAttributeValueBytes(USER_CERTIFICATE));
  }

  @Test
  void itsTargetIsLdap() {
    assertEquals("ldap", publisher.target());
  }
}
