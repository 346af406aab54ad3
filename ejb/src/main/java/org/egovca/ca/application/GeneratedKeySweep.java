package org.egovca.ca.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.port.GeneratedKeyToken;
import org.egovca.hsm.CryptoToken;

/**
 * Keeps the token for generated keys holding only keys that wait for a holder: every hour the keys
 * nobody collected in time (or lost at a restart) are destroyed and their certificates revoked
 * ({@link GeneratedKeys#destroyUnclaimed()}), and a key whose approval rolled back is destroyed at
 * once, since no record names it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GeneratedKeySweep {

  private static final Logger LOG = Logger.getLogger(GeneratedKeySweep.class.getName());

  @Inject private GeneratedKeys generatedKeys;
  @Inject private GeneratedKeyToken tokens;

  /** The hourly sweep of keys past their handover limit. */
  @Schedule(hour = "*", minute = "41", persistent = false)
  public void sweep() {
    int destroyed = generatedKeys.destroyUnclaimed();
    if (destroyed > 0) {
      LOG.info(() -> destroyed + " generated keys were destroyed without a handover");
    }
  }

  /** Destroys the key of an approval that rolled back. */
  public void onRolledBack(
      @Observes(during = TransactionPhase.AFTER_FAILURE) GeneratedKeyMade event) {
    CryptoToken token = tokens.token();
    try {
      if (token.containsKey(event.alias())) {
        token.destroyKey(event.alias());
      }
    } catch (RuntimeException e) {
      // the hourly sweep cannot find a key no record names: say so, the restart clears it
      LOG.log(
          Level.WARNING,
          "generated key " + event.alias() + " of a rolled-back approval could not be destroyed",
          e);
    }
  }
}
