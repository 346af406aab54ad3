package org.egovca.ra.application;

import java.util.Arrays;

/**
 * What a security administrator presents to the admin SOAP service: both factors of their operator
 * login (CPS §6.5.2.5), the client certificate of the TLS handshake and, in the HTTP Authorization
 * header, their user name and password.
 *
 * @param clientCertificate DER of the TLS client certificate, or null
 * @param username the user name of HTTP basic authentication, or null
 * @param password its password, or null; wiped by the one who checks it
 */
public record AdminCredentials(byte[] clientCertificate, String username, char[] password) {

  @Override
  public String toString() {
    return "AdminCredentials[" + username + "]";
  }

  /** Overwrites the password in memory. */
  public void wipe() {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }
}
