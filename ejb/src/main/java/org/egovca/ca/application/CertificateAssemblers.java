package org.egovca.ca.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.x509.CertificateAssembler;

/** Gives services a certificate assembler wired to the CA token and the configured URLs. */
@ApplicationScoped
public class CertificateAssemblers {

  @Inject private CaToken cryptoToken;
  @Inject private CaConfiguration configuration;

  public CertificateAssembler assembler() {
    return new CertificateAssembler(
        cryptoToken.token(),
        configuration.pkiUrls(),
        configuration.policyOid(),
        configuration.directoryUrls());
  }
}
