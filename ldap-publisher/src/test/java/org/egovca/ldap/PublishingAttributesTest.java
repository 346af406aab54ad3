package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishingAttributesTest {

  private static PublishingAttributes attributes(Map<String, String> properties) {
    return PublishingAttributes.from(new ConfigurationValues(properties::get));
  }

  @Test
  void defaultsToTheRfc4523AttributesWithTheBinaryOption() {
    PublishingAttributes defaults = attributes(Map.of());
    assertEquals(
        new DirectoryAttribute("userCertificate;binary", "pkiUser"),
        defaults.of(PublishedItem.HOLDER_CERTIFICATE));
    assertEquals(
        new DirectoryAttribute("cACertificate;binary", "pkiCA"),
        defaults.of(PublishedItem.CA_CERTIFICATE));
    assertEquals(
        new DirectoryAttribute("certificateRevocationList;binary", "pkiCA"),
        defaults.of(PublishedItem.CRL));
    assertEquals(
        new DirectoryAttribute("authorityRevocationList;binary", "pkiCA"),
        defaults.of(PublishedItem.ARL));
    assertEquals(
        new DirectoryAttribute("deltaRevocationList;binary", "deltaCRL"),
        defaults.of(PublishedItem.DELTA_CRL));
  }

  @Test
  void takesAnAttributeAndClassPerItem() {
    PublishingAttributes custom =
        attributes(
            Map.of(
                "egovca.ldap.publishing.holderCertificate.attribute", "userSMIMECertificate",
                "egovca.ldap.publishing.holderCertificate.objectClass", "inetOrgPerson",
                "egovca.ldap.publishing.deltaCrl.attribute", "2.5.4.53;binary"));
    assertEquals(
        new DirectoryAttribute("userSMIMECertificate", "inetOrgPerson"),
        custom.of(PublishedItem.HOLDER_CERTIFICATE));
    assertEquals("2.5.4.53", custom.of(PublishedItem.DELTA_CRL).type());
    assertEquals("deltaCRL", custom.of(PublishedItem.DELTA_CRL).objectClass());
  }

  @Test
  void matchesTheAttributeTypeUnderAnyOption() {
    DirectoryAttribute user = new DirectoryAttribute("userCertificate;binary", "pkiUser");
    assertTrue(user.isTypeOf("userCertificate"));
    assertTrue(user.isTypeOf("USERCERTIFICATE;binary"));
    assertFalse(user.isTypeOf("userCertificateX"));
  }

  @Test
  void namesTheMalformedProperty() {
    IllegalArgumentException attribute =
        assertThrows(
            IllegalArgumentException.class,
            () -> attributes(Map.of("egovca.ldap.publishing.crl.attribute", "revocation list")));
    assertTrue(
        attribute.getMessage().contains("egovca.ldap.publishing.crl.attribute"),
        attribute.getMessage());
    IllegalArgumentException objectClass =
        assertThrows(
            IllegalArgumentException.class,
            () -> attributes(Map.of("egovca.ldap.publishing.arl.objectClass", "pkiCA;x")));
    assertTrue(
        objectClass.getMessage().contains("egovca.ldap.publishing.arl.objectClass"),
        objectClass.getMessage());
  }
}
