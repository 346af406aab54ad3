package org.egovca.ra.application;

import java.io.Serializable;

/**
 * What the security administrator hands to a new operator, once: the one-time password (to be
 * replaced at the first login) and the login certificate issued for their request.
 */
public record NewOperatorCredential(String username, String oneTimePassword, String certificatePem)
    implements Serializable {

  @Override
  public String toString() {
    return "NewOperatorCredential[" + username + "]";
  }
}
