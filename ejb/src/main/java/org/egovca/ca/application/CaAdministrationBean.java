package org.egovca.ca.application;

import static org.egovca.ca.application.CaRequestException.Reason.CA_UNAVAILABLE;
import static org.egovca.ca.application.CaRequestException.Reason.MALFORMED_REQUEST;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.ClientRole;
import org.egovca.ca.domain.RaClient;
import org.egovca.ca.domain.RetiredCaKey;
import org.egovca.ca.infrastructure.CaConfiguration;
import org.egovca.ca.infrastructure.CaCryptoToken;
import org.egovca.ca.x509.CaKeyRollover;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.delivery.application.EgovSystemRegistry;
import org.egovca.delivery.application.SubscriptionForm;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.ra.application.ApplicationUnitRegistry;
import org.egovca.ra.application.RaRefusal;

/**
 * CA key rollover in one transaction (CPS §6.5.1.6, R12): the CA row is locked, a new key is
 * generated in the token like the first one, the NewWithNew, NewWithOld and OldWithNew certificates
 * are issued, the old key is kept as a {@link RetiredCaKey} and the new one becomes current, with
 * one audit event. After commit the OCSP responder and the CRL cycle take up the new key. If the
 * transaction fails, the key already generated stays unused in the token.
 */
@Stateless
public class CaAdministrationBean implements CaAdministration {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private RaClientAuthenticator authenticator;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateAssemblers assemblers;
  @Inject private CaCryptoToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;
  @Inject private Event<CaKeyRolledOver> rolledOver;
  @Inject private ApplicationUnitRegistry applicationUnits;
  @Inject private EgovSystemRegistry egovSystems;

  private final Clock clock = Clock.systemUTC();

  @Override
  public CaKeyRolloverView rollOverCaKey(byte[] clientCertificate, String caName) {
    String actor = securityAdmin(clientCertificate, "rollOverCaKey");
    try {
      return rollOver(caName, actor);
    } catch (CaRequestException refused) {
      auditLog.refusal(
          actor,
          AuditActions.CA_KEY_ROLLED_OVER,
          caName,
          AuditOutcome.FAILURE,
          refused.getMessage());
      throw refused;
    }
  }

  @Override
  public void createApplicationUnit(byte[] clientCertificate, String code, String name) {
    String actor = securityAdmin(clientCertificate, "createApplicationUnit");
    try {
      applicationUnits.create(code, name, actor);
    } catch (RaRefusal refused) {
      throw new CaRequestException(MALFORMED_REQUEST, refused.getMessage());
    }
  }

  @Override
  public EgovSystemRegistry.Registered registerEgovSystem(
      byte[] clientCertificate,
      String name,
      String unitCode,
      SubscriptionForm subscription,
      String certificateRequestPem) {
    String actor = securityAdmin(clientCertificate, "registerEgovSystem");
    EgovSystem.Subscription checked;
    try {
      checked = subscription.toSubscription();
    } catch (IllegalArgumentException refused) {
      throw new CaRequestException(MALFORMED_REQUEST, refused.getMessage());
    }
    // the registry refuses a bad name, unit or request itself (MALFORMED_REQUEST)
    return egovSystems.register(name, unitCode, checked, certificateRequestPem, actor);
  }

  private String securityAdmin(byte[] clientCertificate, String operation) {
    RaClient admin =
        authenticator.authenticate(clientCertificate, operation, ClientRole.SECURITY_ADMIN);
    return "security-admin:" + admin.getName();
  }

  private CaKeyRolloverView rollOver(String caName, String actor) {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(
                () -> new CaRequestException(CA_UNAVAILABLE, "CA '" + caName + "' does not exist"));
    entityManager.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Optional<IssuingCa> parent =
        Optional.ofNullable(ca.getParent()).map(CertificateAuthorities::asIssuer);
    Instant notAfter = now.plus(validity(ca));
    if (parent.isPresent()) {
      // A CA certificate never outlives the certificate of the CA that vouches for it.
      Instant parentEnd = parent.get().certificate().getNotAfter().toInstant();
      notAfter = notAfter.isAfter(parentEnd) ? parentEnd : notAfter;
    }
    int generation = ca.getKeyGeneration() + 1;
    String alias = CertificateAuthorities.newKeyAlias(ca, "k" + generation, now);
    CaKeyRollover.Certificates certificates =
        new CaKeyRollover(cryptoToken.token(), assemblers.assembler())
            .rollOver(CertificateAuthorities.asIssuer(ca), parent, alias, now, notAfter);
    byte[] newWithNew = CertificateAssembler.encode(certificates.newWithNew());
    byte[] newWithOld = CertificateAssembler.encode(certificates.newWithOld());
    byte[] oldWithNew = CertificateAssembler.encode(certificates.oldWithNew());
    entityManager.persist(new RetiredCaKey(ca, newWithOld, oldWithNew, now));
    ca.rollOver(alias, certificates.newWithNew().getSerialNumber(), now, notAfter, newWithNew);
    auditLog.success(
        actor,
        AuditActions.CA_KEY_ROLLED_OVER,
        ca.getSubjectDn(),
        "ca="
            + caName
            + " keyGeneration="
            + generation
            + " alias="
            + alias
            + " newWithNew="
            + certificates.newWithNew().getSerialNumber().toString(16)
            + " newWithOld="
            + certificates.newWithOld().getSerialNumber().toString(16)
            + " oldWithNew="
            + certificates.oldWithNew().getSerialNumber().toString(16));
    rolledOver.fire(
        new CaKeyRolledOver(
            caName,
            generation,
            new PublishedCertificate(
                caName, ca.getSubjectDn(), ca.getSerialNumber(), ca.getEncoded()),
            List.of(
                linkCertificate(caName, certificates.newWithOld(), newWithOld),
                linkCertificate(caName, certificates.oldWithNew(), oldWithNew))));
    return new CaKeyRolloverView(caName, generation, newWithNew, newWithOld, oldWithNew);
  }

  private static PublishedCertificate linkCertificate(
      String caName, org.bouncycastle.cert.X509CertificateHolder certificate, byte[] encoded) {
    return new PublishedCertificate(
        caName,
        SubjectNames.toDisplayString(certificate.getSubject()),
        certificate.getSerialNumber(),
        encoded);
  }

  private Duration validity(CertificateAuthority ca) {
    return ca.isRoot() ? configuration.rootCaValidity() : configuration.issuingCaValidity();
  }
}
