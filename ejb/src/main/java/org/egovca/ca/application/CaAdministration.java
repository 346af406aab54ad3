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
}
