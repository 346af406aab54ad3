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
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.CaHierarchySetup;
import org.egovca.ca.application.CaStarted;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.CrlScheduler;
import org.egovca.ca.application.OcspResponders;
import org.egovca.ca.application.SyncSigners;
import org.egovca.ca.application.port.PublishedCertificate;

/**
 * At every start: once the schema is migrated and the token is active, store the shipped profile
 * definitions not stored yet, create the CA hierarchy if this is the first start, announce {@link
 * CaStarted} (the RA and the information services do their part of the start), renew the delegated
 * signers and issue any CRL that is due (the first ones on a new CA). The CA can issue once this
 * bean reports ready.
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
  @Inject private OcspResponders ocspResponders;
  @Inject private SyncSigners syncSigners;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private Event<CaStarted> started;
  @Inject private CaConfiguration configuration;
  @Inject private CrlScheduler crlScheduler;

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
    ocspResponders.renewDue();
    syncSigners.renewDue();
    crlScheduler.issueDueCrls();
    ready = true;
  }

  public boolean isReady() {
    return ready;
  }
}
