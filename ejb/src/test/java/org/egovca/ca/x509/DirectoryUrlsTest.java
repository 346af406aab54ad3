package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.asn1.x500.X500Name;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.TestProfiles;
import org.junit.jupiter.api.Test;

class DirectoryUrlsTest {

  private static final CertificateProfile CA = TestProfiles.named(CertificateProfiles.CA);
  private static final DirectoryUrls DIRECTORY =
      new DirectoryUrls("ldap://ldap.example", "o=iFutureCA,c=CN");

  private static X500Name name(String dn) {
    return SubjectNames.parse(dn, CA);
  }

  @Test
  void entryUrlIsTheSubjectWithoutCountryUnderTheBaseDn() {
    assertEquals(
        "ldap://ldap.example/CN=Root,O=Org,o=iFutureCA,c=CN",
        DIRECTORY.entryUrl(name("CN=Root,O=Org,C=CN")));
  }

  @Test
  void entryUrlPercentEncodesSpacesAndQuestionMarks() {
    assertEquals(
        "ldap://ldap.example/CN=Root%20CA%3F,o=iFutureCA,c=CN",
        DIRECTORY.entryUrl(name("CN=Root CA?,C=CN")));
  }

  @Test
  void entryUrlKeepsTheWholeNameWhenThereIsNoCountry() {
    assertEquals(
        "ldap://ldap.example/CN=Root,OU=PKI,o=iFutureCA,c=CN",
        DIRECTORY.entryUrl(name("CN=Root,OU=PKI,C=CN")));
    assertEquals(
        "ldap://ldap.example/CN=Root,o=iFutureCA,c=CN",
        DIRECTORY.entryUrl(new X500Name("CN=Root")));
  }

  @Test
  void entryUrlDropsTheEmailAddressLikeThePublisher() {
    assertEquals(
        "ldap://ldap.example/CN=Root%20CA,O=Org,o=iFutureCA,c=CN",
        DIRECTORY.entryUrl(name("CN=Root CA,O=Org,C=CN,E=pki@example.cn")));
  }

  @Test
  void entryUrlPercentEncodesNonAsciiCharactersAsUtf8() {
    assertEquals(
        "ldap://ldap.example/CN=%E6%A0%B9CA,o=iFutureCA,c=CN",
        DIRECTORY.entryUrl(name("CN=根CA,C=CN")));
  }
}
