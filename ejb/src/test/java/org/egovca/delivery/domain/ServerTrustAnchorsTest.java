package org.egovca.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTrustAnchorsTest {

  private static final X509Certificate CA = TestAnchors.certificate("CN=Bureau TLS CA,C=CN");

  @Test
  void pemCertificatesAreReadKeptAndDescribedByFingerprint() {
    ServerTrustAnchors anchors = ServerTrustAnchors.parse("\n" + TestAnchors.pem(CA) + "\n");
    assertEquals(List.of(CA), anchors.certificates());
    assertEquals(anchors, ServerTrustAnchors.parse(anchors.pem()));
    assertEquals(
        CA.getSubjectX500Principal().getName() + " SHA-256 " + ServerTrustAnchors.fingerprint(CA),
        anchors.describe());
    assertEquals(95, ServerTrustAnchors.fingerprint(CA).length());
    assertTrue(ServerTrustAnchors.parse(" ").isEmpty());
    assertEquals("none", ServerTrustAnchors.none().describe());
  }

  @Test
  void whatIsNotAFewPemCertificatesIsRefusedNamingWhy() {
    assertRefused("no -----BEGIN CERTIFICATE----- block", "just text");
    assertRefused(
        "not a CERTIFICATE",
        "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n");
    assertRefused(
        "not PEM certificates", "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n");
    assertRefused(
        "more than 8 certificates",
        TestAnchors.pem(Collections.nCopies(9, CA).toArray(X509Certificate[]::new)));
    assertRefused("longer than 32768", "x".repeat(32 * 1024 + 1));
  }

  private static void assertRefused(String words, String pem) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ServerTrustAnchors.parse(pem));
    assertTrue(refused.getMessage().contains(words), refused.getMessage());
  }
}
