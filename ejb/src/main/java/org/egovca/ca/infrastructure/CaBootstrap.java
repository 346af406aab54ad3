package org.egovca.ca.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.egovca.ca.application.BackgroundSigning;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.CaHierarchySetup;
import org.egovca.ca.application.CaStarted;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.SigningCatchUp;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.TokenStatus;

/**
 * At every start: once the schema is migrated and the token is opened, store the shipped profile
 * definitions not stored yet, create the CA hierarchy if this is the first start, announce {@link
 * CaStarted} (the RA and the information services do their part of the start), then, if the token
 * is active, renew the delegated signers and issue any CRL that is due (the first ones on a new
 * CA).
 *
 * <p>A restart whose token is offline (a production installation: the token waits for its key
 * custodians, CPS §6.5.2) starts all the same and reports ready; the signing part is left to the
 * activation ({@link SigningCatchUp}), and until then the CA refuses to sign. A first start cannot
 * wait: the hierarchy's keys are made and signed in the token, so it refuses to start with the
 * token offline.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "CaCryptoToken"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CaBootstrap {

  private static final Logger LOG = Logger.getLogger(CaBootstrap.class.getName());

  @Inject private CaHierarchySetup setup;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private Event<CaStarted> started;
  @Inject private CaConfiguration configuration;
  @Inject private CaToken caToken;
  @Inject private BackgroundSigning signing;
  @Inject private SigningCatchUp catchUp;

  private volatile boolean ready;

  /**
   * Runs without a transaction of its own (the class-level attribute does not reach lifecycle
   * callbacks), so the hierarchy setup commits before CRLs are issued in transactions of theirs.
   */
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    profiles.importShipped(CaHierarchySetup.SYSTEM_ACTOR);
    if (!setup.isSetUp()) {
      refuseFirstStartOffline(caToken.token());
      setup.setUp();
      LOG.info(
          () ->
              "Created the CA hierarchy "
                  + configuration.rootCaName()
                  + " -> "
                  + configuration.issuingCaName()
                  + "; credentials written to "
                  + configuration.dataDirectory());
    }
    List<PublishedCertificate> caCertificates =
        certificateAuthorities.all().stream()
            .map(
                ca ->
                    new PublishedCertificate(
                        ca.getName(), ca.getSubjectDn(), ca.getSerialNumber(), ca.getEncoded()))
            .toList();
    started.fire(new CaStarted(caCertificates));
    if (signing.mayRun("the signing part of the start")) {
      catchUp.signWhatIsDue();
    } else {
      LOG.info(
          "The CA started with its crypto token offline: the delegated signer renewals and the"
              + " CRLs due follow its activation by the key custodians.");
    }
    ready = true;
  }

  /**
   * A first start makes the CA keys in the token and signs the CA certificates: with the token
   * offline it cannot, and says so in the words the start script shows.
   */
  static void refuseFirstStartOffline(CryptoToken token) {
    if (token == null || token.status() != TokenStatus.ACTIVE) {
      String message =
          DatabaseMigration.REFUSAL
              + "this is a first start (there is no CA hierarchy yet) and the CA crypto token is"
              + " OFFLINE: creating the CA keys and certificates needs an active token. Activate"
              + " it with the initial key ceremony, then start again.";
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
  }

  public boolean isReady() {
    return ready;
  }
}
