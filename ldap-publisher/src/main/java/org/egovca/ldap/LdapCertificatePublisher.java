package org.egovca.ldap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.egovca.ca.application.port.CertificatePublisher;
import org.egovca.ca.application.port.PublicationResult;
import org.egovca.ca.application.port.PublishedCertificate;

/**
 * Publishes certificates to the LDAP directory that relying parties search: a CA certificate as
 * {@code cACertificate;binary}, an end-entity certificate as {@code userCertificate;binary}, on the
 * entry named after the certificate's subject (see {@link EntryDnMapper}).
 *
 * <p>Publication runs after issuance has committed, so nothing here may throw into the caller or
 * block it: every failure, including an unreachable directory or a bad configuration, comes back as
 * {@link PublicationResult#failed(String)} within the configured timeouts, for the caller to retry.
 * The connection pool is created on first use, so the application starts even while the directory
 * is down.
 */
@ApplicationScoped
public class LdapCertificatePublisher implements CertificatePublisher {

  private static final Logger LOG = Logger.getLogger(LdapCertificatePublisher.class.getName());

  private DirectoryConfiguration configuration;
  private DirectoryConnections connections;

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
    return publish(caCertificate, EntryKind.CA);
  }

  @Override
  public PublicationResult certificateAdded(PublishedCertificate certificate) {
    return publish(certificate, EntryKind.HOLDER);
  }

  /** Closes the pooled connections when the application stops. */
  @PreDestroy
  public synchronized void close() {
    if (connections != null) {
      connections.close();
      connections = null;
    }
  }

  private PublicationResult publish(PublishedCertificate certificate, EntryKind kind) {
    String serial = certificate.serialNumber().toString(16);
    try {
      DirectoryConfiguration settings = configuration();
      EntryDnMapper mapper = new EntryDnMapper(settings.baseDn());
      Dn entryDn = mapper.entryDn(certificate.subjectDn());
      EntryWriter writer = new EntryWriter(mapper.baseSize());
      byte[] encoded = certificate.encoded();
      boolean changed =
          connections().call(connection -> writer.publish(connection, entryDn, kind, encoded));
      LOG.log(
          Level.INFO,
          "{0} certificate serial {1} of CA {2} {3} {4}",
          new Object[] {
            kind, serial, certificate.caName(), changed ? "published at" : "already at", entryDn
          });
      return PublicationResult.ok((changed ? "published at " : "already published at ") + entryDn);
    } catch (LdapException | IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not publish {0} certificate serial {1} of CA {2} (subject {3}): {4}",
          new Object[] {kind, serial, certificate.caName(), certificate.subjectDn(), e.toString()});
      LOG.log(Level.FINE, "Publication failure", e);
      return PublicationResult.failed("LDAP publication failed: " + describe(e));
    }
  }

  private synchronized DirectoryConfiguration configuration() {
    if (configuration == null) {
      configuration = DirectoryConfiguration.fromSystemProperties();
    }
    return configuration;
  }

  private synchronized DirectoryConnections connections() throws IOException {
    if (connections == null) {
      DirectoryConfiguration settings = configuration();
      connections = new DirectoryConnections(settings, BindPassword.resolve(settings));
    }
    return connections;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
