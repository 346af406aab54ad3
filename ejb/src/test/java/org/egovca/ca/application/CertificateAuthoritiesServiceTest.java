package org.egovca.ca.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CA hierarchy the tier's first start set up, which every other CA service test issues from:
 * the root, and the issuing CA and the RSA CA under it. (Tests that change a CA for good add CAs of
 * their own under the root, so the number of CAs depends on the tests run before.)
 */
@ExtendWith(ServiceTier.class)
class CertificateAuthoritiesServiceTest {

  @Inject CertificateAuthorities authorities;
  @Inject CaConfiguration configuration;

  @Test
  void theCaHierarchyIsSetUp() {
    CertificateAuthority root = authorities.byName(configuration.rootCaName()).orElseThrow();
    assertTrue(root.isRoot());
    for (String name : new String[] {configuration.issuingCaName(), configuration.rsaCaName()}) {
      CertificateAuthority ca = authorities.byName(name).orElseThrow();
      assertEquals(root.getId(), ca.getParent().getId(), name);
      assertFalse(ca.isRevoked(), name);
    }
  }
}
