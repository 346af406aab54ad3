package org.egovca.sync;

import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Where a receiver finds a CA's certificates by the CA name a message names: the certificate of
 * every key of the CA (a message signed before a CA key rollover still verifies) and its root. A
 * receiver whose trust can change at run time (files, a database) implements this directly.
 */
@FunctionalInterface
public interface TrustedCaCertificates {

  /** The trusted certificates of that CA, or an empty list if the CA is unknown. */
  List<X509CertificateHolder> forCaName(String caName);
}
