package org.egovca.ca.application;

import jakarta.ejb.Local;

/**
 * CA key management for the security administrator (CPS §6.5.1.6, §7.5.1.2). The caller is
 * identified by its TLS client certificate and must hold the SECURITY_ADMIN role; the check is made
 * here, not by the interface.
 */
@Local
public interface CaAdministration {

  /**
   * Rolls the key of CA {@code caName} over (R12).
   *
   * @param clientCertificate DER of the caller's TLS client certificate, or null
   * @throws CaRequestException NOT_AUTHORIZED for any caller without the role, CA_UNAVAILABLE for
   *     an unknown CA
   */
  CaKeyRolloverView rollOverCaKey(byte[] clientCertificate, String caName);

  /**
   * Creates an application unit (CPS §7.3.2).
   *
   * @throws CaRequestException NOT_AUTHORIZED, or MALFORMED_REQUEST naming the field
   */
  void createApplicationUnit(byte[] clientCertificate, String code, String name);

  /**
   * Registers an e-gov system with its sync subscription and query-service client certificate
   * (R21–R23).
   *
   * @throws CaRequestException NOT_AUTHORIZED, or MALFORMED_REQUEST naming what is wrong
   */
  org.egovca.delivery.application.EgovSystemRegistry.Registered registerEgovSystem(
      byte[] clientCertificate,
      String name,
      String unitCode,
      org.egovca.delivery.application.SubscriptionForm subscription,
      String certificateRequestPem);
}
