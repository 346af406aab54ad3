package org.egovca.ldap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.egovca.ca.application.port.CertificatePublisher;
import org.egovca.ca.application.port.PublicationResult;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.application.port.PublishedCrl;

/**
 * Publishes certificates and CRLs to the LDAP directory that relying parties search (CPS §6.1.4.9,
 * §7.3.3.3), putting together the three configurable parts of publishing: the MAPPING of a subject
 * to its entry ({@link EntryDnMapper}), the PUBLISHING attribute of each item ({@link
 * PublishingAttributes}) and the RULES of what is published and withdrawn ({@link
 * PublishingRules}). docs/DIRECTORY.md describes the resulting policy.
 *
 * <ul>
 *   <li>a CA certificate, and the link certificates of a key rollover (same subject), join the
 *       values of {@code cACertificate;binary} on the CA's entry;
 *   <li>a holder certificate joins the values of {@code userCertificate;binary} on the holder's
 *       entry (a signing and an encryption certificate share it);
 *   <li>a CRL, ARL or delta CRL replaces the value of its attribute on the issuing CA's entry,
 *       unless that holds a newer one;
 *   <li>a withdrawn certificate's value is removed, or kept as the rules say; an entry left with
 *       nothing but its name is deleted.
 * </ul>
 *
 * <p>The directory's delivery queue calls this after the transaction that decided the publication
 * has committed, with the latest state, and retries until it succeeds. So every call is idempotent,
 * and none may throw or block: every failure, including an unreachable directory or a bad
 * configuration, comes back as {@link PublicationResult#failed(String)} within the configured
 * timeouts. The connection pool is created on first use, so the application starts even while the
 * directory is down.
 */
@ApplicationScoped
public class LdapCertificatePublisher implements CertificatePublisher {

  private static final Logger LOG = Logger.getLogger(LdapCertificatePublisher.class.getName());

  private DirectoryConfiguration configuration;
  private volatile Setup setup;

  /** For CDI: the configuration is read from the system properties on first use. */
  public LdapCertificatePublisher() {}

  /** With an explicit configuration, as tests and tools use it. */
  public LdapCertificatePublisher(DirectoryConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  public String target() {
    return "ldap";
  }

  @Override
  public PublicationResult caCertificateAdded(PublishedCertificate caCertificate) {
    return addCertificate(caCertificate, PublishedItem.CA_CERTIFICATE);
  }

  @Override
  public PublicationResult certificateAdded(PublishedCertificate certificate) {
    return addCertificate(certificate, PublishedItem.HOLDER_CERTIFICATE);
  }

  @Override
  public PublicationResult certificateWithdrawn(PublishedCertificate certificate, Withdrawal why) {
    String what = describe(certificate) + " (" + why + ")";
    return attempt(
        "withdraw " + what,
        setup -> {
          if (!setup.rules().covers(certificate.caName())) {
            return skipped(what, "CA " + certificate.caName() + " is not published here");
          }
          if (setup.rules().onWithdrawal(why) == PublishingRules.OnWithdrawal.KEEP) {
            return skipped(what, "kept by the rule for " + why);
          }
          Dn entryDn = setup.mapper().entryDn(certificate.subjectDn());
          byte[] encoded = certificate.encoded();
          CertificateValues.Removal removal =
              setup
                  .connections()
                  .call(
                      connection ->
                          setup
                              .certificates()
                              .remove(
                                  connection,
                                  entryDn,
                                  setup.publishing().certificateAttributes(),
                                  encoded,
                                  setup.rules().deleteEmptyEntries()));
          String detail =
              switch (removal) {
                case REMOVED -> "removed from " + entryDn;
                case ENTRY_DELETED -> "removed, entry deleted: " + entryDn;
                case NOT_THERE -> "not in the directory: " + entryDn;
              };
          return done(what, detail);
        });
  }

  @Override
  public PublicationResult crlAdded(PublishedCrl crl) {
    PublishedItem item = PublishedItem.of(crl.kind());
    String what = crl.kind() + " number " + crl.crlNumber() + " of CA " + crl.caName();
    return attempt(
        "publish " + what,
        setup -> {
          if (!setup.rules().publishes(crl.caName(), item)) {
            return skipped(what, "the rules do not publish it");
          }
          byte[] encoded = crl.encoded();
          CrlVersion version = CrlVersion.of(encoded);
          if (!version.number().equals(crl.crlNumber())) {
            throw new IllegalArgumentException(
                "the CRL's own number is " + version.number() + ", not " + crl.crlNumber());
          }
          Dn entryDn = setup.mapper().entryDn(crl.issuerDn());
          DirectoryAttribute attribute = setup.publishing().of(item);
          Set<String> classes = new LinkedHashSet<>();
          classes.add(setup.publishing().of(PublishedItem.CA_CERTIFICATE).objectClass());
          classes.add(attribute.objectClass());
          CrlValues.Outcome outcome =
              setup
                  .connections()
                  .call(
                      connection ->
                          setup
                              .crls()
                              .replace(connection, entryDn, attribute, classes, encoded, version));
          String detail =
              switch (outcome) {
                case PUBLISHED -> "published at " + entryDn;
                case ALREADY_THERE -> "already published at " + entryDn;
                case NEWER_THERE -> "newer already published at " + entryDn;
              };
          return done(what, detail);
        });
  }

  /** Closes the pooled connections when the application stops. */
  @PreDestroy
  public synchronized void close() {
    if (setup != null) {
      setup.connections().close();
      setup = null;
    }
  }

  private PublicationResult addCertificate(PublishedCertificate certificate, PublishedItem item) {
    String what = describe(certificate);
    return attempt(
        "publish " + what,
        setup -> {
          if (!setup.rules().publishes(certificate.caName(), item)) {
            return skipped(what, "the rules do not publish it");
          }
          Dn entryDn = setup.mapper().entryDn(certificate.subjectDn());
          DirectoryAttribute attribute = setup.publishing().of(item);
          byte[] encoded = certificate.encoded();
          boolean changed =
              setup
                  .connections()
                  .call(
                      connection ->
                          setup
                              .certificates()
                              .add(connection, entryDn, item.onCaEntry(), attribute, encoded));
          return done(what, (changed ? "published at " : "already published at ") + entryDn);
        });
  }

  /** Work on the directory that ends in a result. */
  @FunctionalInterface
  private interface Publication {
    PublicationResult run(Setup setup) throws LdapException, IOException, GeneralSecurityException;
  }

  /** Runs {@code publication}, turning every failure into a failed result. */
  private PublicationResult attempt(String action, Publication publication) {
    try {
      return publication.run(setup());
    } catch (LdapException | IOException | GeneralSecurityException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not {0}: {1}", new Object[] {action, e.toString()});
      LOG.log(Level.FINE, "Publication failure", e);
      return PublicationResult.failed("LDAP publication failed: " + message(e));
    }
  }

  private static PublicationResult done(String what, String detail) {
    LOG.log(Level.FINE, "{0}: {1}", new Object[] {what, detail});
    return PublicationResult.ok(detail);
  }

  private static PublicationResult skipped(String what, String reason) {
    LOG.log(Level.FINE, "{0}: not published, {1}", new Object[] {what, reason});
    return PublicationResult.ok("not published: " + reason);
  }

  private Setup setup() throws IOException, GeneralSecurityException {
    Setup ready = setup;
    return ready != null ? ready : createSetup();
  }

  private synchronized Setup createSetup() throws IOException, GeneralSecurityException {
    if (setup == null) {
      if (configuration == null) {
        configuration = DirectoryConfiguration.fromSystemProperties();
      }
      setup = Setup.of(configuration);
    }
    return setup;
  }

  private static String describe(PublishedCertificate certificate) {
    return "certificate serial "
        + certificate.serialNumber().toString(16)
        + " of CA "
        + certificate.caName()
        + " (subject "
        + certificate.subjectDn()
        + ")";
  }

  private static String message(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** What the publisher builds once from its configuration. */
  private record Setup(
      EntryDnMapper mapper,
      PublishingAttributes publishing,
      PublishingRules rules,
      DirectoryConnections connections,
      CertificateValues certificates,
      CrlValues crls) {

    static Setup of(DirectoryConfiguration configuration)
        throws IOException, GeneralSecurityException {
      EntryDnMapper mapper = new EntryDnMapper(configuration.baseDn());
      EntryWriter entries = new EntryWriter(mapper.baseSize());
      return new Setup(
          mapper,
          configuration.publishing(),
          configuration.rules(),
          new DirectoryConnections(configuration, BindPassword.resolve(configuration)),
          new CertificateValues(entries),
          new CrlValues(entries));
    }
  }
}
