package org.egovca.ca.x509;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The application's own BouncyCastle provider instance, passed explicitly to JCA builders. It is
 * never registered with {@code Security.addProvider}: a registered provider would outlive a
 * redeployment and break later look-ups.
 */
public final class BouncyCastle {

  private static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}

  public static Provider provider() {
    return PROVIDER;
  }
}
