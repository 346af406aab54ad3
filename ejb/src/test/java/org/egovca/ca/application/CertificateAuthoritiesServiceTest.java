package org.egovca.ca.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CA hierarchy the tier's first start set up, which every other CA service test issues from.
 */
@ExtendWith(ServiceTier.class)
class CertificateAuthoritiesServiceTest {

  @Inject CertificateAuthorities authorities;

  @Test
  void theCaHierarchyIsSetUp() {
    assertEquals(3, authorities.all().size());
  }
}
