package org.egovca.ca.kmc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.port.KeyManagementCenter;

/**
 * Revokes at the KMC a key it escrowed for an encryption certificate that was then not issued (the
 * issuing transaction rolled back after the KMC had committed): a RevokeKeyReq for the reserved
 * serial, after the rollback. If the KMC cannot be reached then, the escrow record stays ACTIVE for
 * a serial no certificate has; the log names it (README, "Key management centre").
 */
@ApplicationScoped
public class OrphanedEscrows {

  private static final Logger LOG = Logger.getLogger(OrphanedEscrows.class.getName());

  @Inject private KeyManagementCenter kmc;

  void onRollback(
      @Observes(during = TransactionPhase.AFTER_FAILURE) EncryptionKeyEscrowed escrowed) {
    String serial = escrowed.serial().toString(16);
    try {
      kmc.revokeEncryptionKey(escrowed.serial());
      LOG.info(
          () ->
              "revoked at the KMC the escrowed key of encryption certificate "
                  + serial
                  + ", which was not issued");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "the KMC holds an ACTIVE escrowed key for encryption certificate "
              + serial
              + ", which was not issued; revoke it there (RevokeKeyReq)",
          e);
    }
  }
}
