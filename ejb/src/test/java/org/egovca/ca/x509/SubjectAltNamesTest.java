package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.egovca.ca.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** A holder's certificate may not name the CA's own host: it would stand in for its HTTPS. */
class SubjectAltNamesTest {

  private static EndEntityContent content(String subject, String... names) {
    return new EndEntityContent(
        new X500Name(subject),
        TestKeys.spki(TestKeys.sm2KeyPair().getPublic()),
        SubjectAltNames.parse(List.of(names)),
        List.of());
  }

  @Test
  void theCasHostLocalhostAndLoopbackAddressesAreNamed() {
    assertEquals(
        Optional.of("ca.example.gov.cn"),
        SubjectAltNames.namedHost(
            content("CN=web,C=CN", "DNS:www.example.gov.cn", "DNS:CA.example.gov.cn"),
            "ca.example.gov.cn"));
    assertEquals(
        Optional.of("localhost"),
        SubjectAltNames.namedHost(content("CN=web,C=CN", "DNS:localhost"), "ca.example.gov.cn"));
    assertEquals(
        Optional.of("127.0.0.2"),
        SubjectAltNames.namedHost(content("CN=web,C=CN", "IP:127.0.0.2"), "ca.example.gov.cn"));
    assertEquals(
        Optional.of("0:0:0:0:0:0:0:1"),
        SubjectAltNames.namedHost(content("CN=web,C=CN", "IP:::1"), "ca.example.gov.cn"));
    assertEquals(
        Optional.of("ca.example.gov.cn"),
        SubjectAltNames.namedHost(content("CN=ca.example.gov.cn,C=CN"), "ca.example.gov.cn"));
  }

  @Test
  void otherHostsAreNot() {
    assertEquals(
        Optional.empty(),
        SubjectAltNames.namedHost(
            content("CN=web,C=CN", "DNS:www.example.gov.cn", "IP:10.1.2.3", "EMAIL:a@b.cn"),
            "ca.example.gov.cn"));
  }

  @Test
  void aCaServingAsLocalhostStillChecksNames() {
    assertEquals(
        Optional.empty(),
        SubjectAltNames.namedHost(content("CN=web,C=CN", "DNS:www.example.gov.cn"), "LOCALHOST"));
    assertEquals(
        Optional.of("localhost"),
        SubjectAltNames.namedHost(content("CN=web,C=CN", "DNS:localhost"), "localhost"));
  }
}
