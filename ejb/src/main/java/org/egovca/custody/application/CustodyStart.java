package org.egovca.custody.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.hsm.TokenDescription;
import org.egovca.hsm.TokenStatus;

/**
 * The key custodians' part of every start, once the CA has started (its token active on a first
 * start, OFFLINE on a later one whose custodians are enrolled): on the embedded default the demo
 * custodians are enrolled on the first start and activate the token at every start ({@link
 * DemoCustodians}); in production the log says what the custodians are waiting for.
 */
@Singleton
@Startup
@DependsOn("CaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustodyStart {

  private static final Logger LOG = Logger.getLogger(CustodyStart.class.getName());

  @Inject private CaToken cryptoToken;
  @Inject private KeyCeremonies ceremonies;
  @Inject private DemoCustodians demo;
  @Inject private CeremonyCallers callers;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    callers.prepare();
    ActivationMode mode = ActivationMode.configured();
    try {
      if (ceremonies.enrolled()) {
        forgetPinsLeftOnDisk();
      }
      if (mode == ActivationMode.DEMO) {
        demo.enrolOnFirstStart();
        demo.activate();
      } else if (ceremonies.enrolledInTheDemo()) {
        LOG.severe(
            "This installation's key custodians are the demo custodians of the embedded default,"
                + " whose PINs are in the data directory: not a production CA. Start a new"
                + " installation with EGOVCA_ACTIVATION=custodians.");
      } else if (!ceremonies.enrolled()) {
        LOG.warning(
            "The key custodians of the CA token are not enrolled: its PIN waits on disk until"
                + " they are (ear/bin/egovca ceremony enrol)");
      }
    } catch (Refusal refusal) {
      // the CA stays up with its token OFFLINE, which /pki/health reports
      LOG.log(
          Level.SEVERE, "the key ceremony of this start was refused: {0}", refusal.getMessage());
    }
    if (cryptoToken.token().status() == TokenStatus.OFFLINE) {
      LOG.warning(
          "The CA token is OFFLINE: three key custodians activate it (ear/bin/egovca ceremony"
              + " activate)");
    }
  }

  /**
   * A token PIN still on disk once the custodians hold it (a crash between the enrolment's commit
   * and the files' deletion) must not activate anything: the files go, and the tokens wait for the
   * custodians like any other start's.
   */
  private void forgetPinsLeftOnDisk() {
    boolean left = false;
    for (TokenDescription token : cryptoToken.tokens()) {
      Optional<char[]> pin = cryptoToken.pendingPin(token.name());
      if (pin.isPresent()) {
        Arrays.fill(pin.get(), '\0');
        cryptoToken.forgetPendingPin(token.name());
        left = true;
      }
    }
    if (left) {
      cryptoToken.token().deactivate();
      LOG.severe(
          "A token PIN was left on disk after the custodians' enrolment: deleted; the tokens wait"
              + " for an activation ceremony");
    }
  }
}
