package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.egovca.ca.domain.CertificateAuthority;

/** The CA certificates relying parties download (CPS §6.3.1: CA certificate service). */
@Stateless
public class CaCertificates {

  @Inject private CertificateAuthorities certificateAuthorities;

  /** DER of the current certificate of CA {@code caName}. */
  public Optional<byte[]> certificate(String caName) {
    return certificateAuthorities.byName(caName).map(CertificateAuthority::getEncoded);
  }

  /** The chain from CA {@code caName} up to its root, each as DER, the CA itself first. */
  public Optional<List<byte[]>> chain(String caName) {
    return certificateAuthorities
        .byName(caName)
        .map(
            ca -> {
              List<byte[]> chain = new ArrayList<>();
              for (CertificateAuthority c = ca; c != null; c = c.getParent()) {
                chain.add(c.getEncoded());
              }
              return chain;
            });
  }
}
