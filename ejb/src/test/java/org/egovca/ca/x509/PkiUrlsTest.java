package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PkiUrlsTest {

  @Test
  void buildsCrlCaCertificateAndOcspUrlsUnderTheBase() {
    PkiUrls urls = PkiUrls.of("http://ca.example/pki");

    assertEquals("http://ca.example/pki/crl/Root.crl", urls.crl("Root"));
    assertEquals("http://ca.example/pki/crl/Root-delta.crl", urls.deltaCrl("Root"));
    assertEquals("http://ca.example/pki/ca/Root.crt", urls.caCertificate("Root"));
    assertEquals("http://ca.example/pki/ocsp", urls.ocsp());
  }

  @Test
  void eachCaKeyHasItsOwnCrlDistributionPoint() {
    PkiUrls urls = PkiUrls.of("http://ca.example/pki");

    assertEquals("http://ca.example/pki/crl/Root.crl", urls.crl("Root", 1));
    assertEquals("http://ca.example/pki/crl/Root/2.crl", urls.crl("Root", 2));
    assertEquals("http://ca.example/pki/ca/Root.crt", urls.caCertificate("Root", 1));
    assertEquals("http://ca.example/pki/ca/Root/2.crt", urls.caCertificate("Root", 2));
  }

  @Test
  void dropsATrailingSlashOfTheBase() {
    PkiUrls urls = PkiUrls.of("http://ca.example/pki/");

    assertEquals("http://ca.example/pki/ocsp", urls.ocsp());
    assertEquals("http://ca.example/pki/crl/Root.crl", urls.crl("Root"));
  }

  @Test
  void percentEncodesCaNamesAsOnePathSegment() {
    PkiUrls urls = PkiUrls.of("http://ca.example/pki");

    assertEquals("http://ca.example/pki/crl/Issuing%20CA.crl", urls.crl("Issuing CA"));
    assertEquals("http://ca.example/pki/ca/a%2Fb%3F.crt", urls.caCertificate("a/b?"));
    assertEquals("http://ca.example/pki/crl/%E6%A0%B9.crl", urls.crl("根"));
    assertEquals("http://ca.example/pki/crl/Issuing%20CA-delta.crl", urls.deltaCrl("Issuing CA"));
  }
}
