package org.egovca.ca.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.OcspSigner;

/**
 * Keeps a delegated OCSP responder (RFC 6960 §4.2.2.2) for the current key of every CA: a key pair
 * in the token like the CA's own, and a short-lived certificate from the CA key with
 * id-kp-OCSPSigning and id-pkix-ocsp-nocheck, replaced before it runs out. Checked at start, every
 * hour and after a CA key rollover, unless the CA key signs OCSP answers itself.
 */
@Stateless
public class OcspResponders extends DelegatedSigners<OcspSigner> {

  static final String ACTOR = "system:ocsp-responders";

  static final Delegation RESPONDER =
      new Delegation(
          CertificateProfiles.OCSP_SIGNER,
          "OCSP",
          "OCSP Responder",
          "ocsp",
          CaConfiguration::ocspResponderRenewal,
          IssuanceTerms.published(),
          ACTOR);

  @Inject private CaConfiguration configuration;
  @Inject private Event<OcspResponderIssued> issued;

  public OcspResponders() {
    super(OcspResponders.class, OcspSigner.class, OcspSigner::new, RESPONDER);
  }

  /** Issues responders where none is in force or the one in force is about to run out. */
  @Override
  @Schedule(hour = "*", minute = "7", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void renewDue() {
    if (configuration.delegatedOcspResponders()) {
      renewEveryCa();
    }
  }

  /** One CA, in a transaction of its own; after commit the OCSP service answers with a new one. */
  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void renewIfDue(String caName) {
    issueIfDue(caName).ifPresent(responder -> issued.fire(new OcspResponderIssued(caName)));
  }
}
