package org.egovca.ca.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class ServiceTierSmokeTest {

  @Inject CertificateAuthorities authorities;

  @Test
  void theCaHierarchyIsSetUp() {
    assertEquals(3, authorities.all().size());
  }
}
