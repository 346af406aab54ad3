package org.egovca.delivery.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.application.port.CertificatePublisher;
import org.egovca.ca.application.port.CertificatePublisher.Withdrawal;
import org.egovca.ca.application.port.PublicationResult;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.application.port.PublishedCrl;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.IssuedCrl;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.delivery.application.DeliveryTarget;
import org.egovca.delivery.domain.Delivery;

/**
 * Delivers the directory queue through every {@link CertificatePublisher} (the LDAP directory),
 * always in the latest state: a certificate that has been revoked, has expired or whose holder did
 * not consent is withdrawn whatever the item was queued for (so is a CA certificate once the root
 * revoked its CA), so a late "issued" never puts a revoked certificate back (GUIDE: EJBCA's rule).
 */
@ApplicationScoped
class DirectoryTarget implements DeliveryTarget {

  private static final Logger LOG = Logger.getLogger(DirectoryTarget.class.getName());

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject @Any private Instance<CertificatePublisher> publishers;

  @Inject private Clock clock;

  @Override
  public Session open() {
    return new Session() {
      @Override
      public Outcome deliver(Delivery item) {
        return switch (item.getKind()) {
          case CERTIFICATE -> certificate(item);
          case CA_CERTIFICATE -> caCertificate(item);
          case CRL -> crl(item);
        };
      }

      @Override
      public void close() {}
    };
  }

  private Outcome certificate(Delivery item) {
    IssuedCertificate certificate =
        entityManager.find(IssuedCertificate.class, item.getCertificateId());
    PublishedCertificate published =
        new PublishedCertificate(
            certificate.getIssuer().getName(),
            certificate.getSubjectDn(),
            certificate.getSerialNumber(),
            certificate.getEncoded());
    Withdrawal withdrawal = withdrawal(certificate);
    return withdrawal == null
        ? everywhere(p -> p.certificateAdded(published))
        : everywhere(p -> p.certificateWithdrawn(published, withdrawal));
  }

  /** Why the certificate must not be in the directory now, or null if it belongs there. */
  private Withdrawal withdrawal(IssuedCertificate certificate) {
    if (!certificate.isDirectoryConsent()) {
      return Withdrawal.NOT_CONSENTED;
    }
    if (certificate.getStatus() == CertificateStatus.REVOKED) {
      return Withdrawal.REVOKED;
    }
    if (clock.instant().isAfter(certificate.getNotAfter())) {
      return Withdrawal.EXPIRED;
    }
    return null;
  }

  private Outcome crl(Delivery item) {
    IssuedCrl crl = entityManager.find(IssuedCrl.class, item.getCrlId());
    PublishedCrl.Kind kind =
        crl.isDelta()
            ? PublishedCrl.Kind.DELTA
            // a root's CRL lists CA certificates: an authority revocation list
            : crl.getIssuer().isRoot() ? PublishedCrl.Kind.ARL : PublishedCrl.Kind.CRL;
    PublishedCrl published =
        new PublishedCrl(
            crl.getIssuer().getName(),
            crl.getIssuer().getSubjectDn(),
            java.math.BigInteger.valueOf(crl.getCrlNumber()),
            kind,
            crl.getEncoded());
    return everywhere(p -> p.crlAdded(published));
  }

  /**
   * A CA certificate joins the directory, unless the root revoked its CA: then it is withdrawn,
   * whatever the item was queued for (a start queues every CA certificate again).
   */
  private Outcome caCertificate(Delivery item) {
    PublishedCertificate published = publishedCaCertificate(item);
    boolean revoked =
        entityManager
            .createNamedQuery(CertificateAuthority.BY_NAME, CertificateAuthority.class)
            .setParameter("name", item.getCaName())
            .getResultStream()
            .anyMatch(CertificateAuthority::isRevoked);
    return revoked
        ? everywhere(p -> p.certificateWithdrawn(published, Withdrawal.REVOKED))
        : everywhere(p -> p.caCertificateAdded(published));
  }

  private static PublishedCertificate publishedCaCertificate(Delivery item) {
    byte[] encoded = item.getCaCertificate();
    try {
      X509CertificateHolder holder = new X509CertificateHolder(encoded);
      return new PublishedCertificate(
          item.getCaName(),
          SubjectNames.toDisplayString(holder.getSubject()),
          holder.getSerialNumber(),
          encoded);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a delivery holds a CA certificate that does not parse", e);
    }
  }

  private Outcome everywhere(Function<CertificatePublisher, PublicationResult> action) {
    StringBuilder details = new StringBuilder();
    boolean all = true;
    for (CertificatePublisher publisher : publishers) {
      PublicationResult result;
      try {
        result = action.apply(publisher);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "publisher " + publisher.target() + " failed", e);
        result = PublicationResult.failed(e.toString());
      }
      all &= result.published();
      details.append(details.length() == 0 ? "" : "; ").append(publisher.target()).append(": ");
      details.append(result.detail());
    }
    return new Outcome(all, details.toString());
  }
}
