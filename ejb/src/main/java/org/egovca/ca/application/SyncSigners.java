package org.egovca.ca.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.SyncSigner;

/**
 * Keeps a sync signer for the current key of every CA, as {@link OcspResponders} keeps OCSP
 * responders: a key pair made in the crypto token like the CA's own, and a certificate from the CA
 * key with the {@link CertificateProfiles#SYNC_SIGNER} profile (digitalSignature only, not a CA,
 * the sync signing extended key usage), replaced before it runs out. The CA signs its sync messages
 * to e-gov systems with it, never with the key that signs certificates and CRLs, which receivers
 * refuse. Checked at every start (so an installation that had none gets one), every hour, and after
 * a CA key rollover (the new key certifies a new signer).
 */
@Stateless
public class SyncSigners extends DelegatedSigners<SyncSigner> {

  static final String ACTOR = "system:sync-signers";

  static final Delegation SIGNER =
      new Delegation(
          CertificateProfiles.SYNC_SIGNER,
          "Sync",
          "Sync Signer",
          "sync",
          CaConfiguration::syncSignerRenewal,
          // a service certificate: e-gov systems get it in every message, not from the directory
          IssuanceTerms.unpublished(),
          ACTOR);

  public SyncSigners() {
    super(SyncSigners.class, SyncSigner.class, SyncSigner::new, SIGNER);
  }

  /** Issues signers where none is in force or the one in force is about to run out. */
  @Override
  @Schedule(hour = "*", minute = "17", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void renewDue() {
    renewEveryCa();
  }

  /** One CA, in a transaction of its own. */
  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void renewIfDue(String caName) {
    issueIfDue(caName);
  }
}
