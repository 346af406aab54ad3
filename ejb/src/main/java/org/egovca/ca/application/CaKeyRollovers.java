package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.CA_UNAVAILABLE;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RetiredCaKey;
import org.egovca.ca.x509.CaKeyRollover;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.SubjectNames;

/**
 * CA key rollover in one transaction (CPS §6.5.1.6, R12): the CA row is locked, a new key is
 * generated in the token like the first one, the NewWithNew, NewWithOld and OldWithNew certificates
 * are issued, the old key is kept as a {@link RetiredCaKey} and the new one becomes current, with
 * one audit event. After commit the OCSP responder and the CRL cycle take up the new key. If the
 * transaction fails, the key already generated stays unused in the token. Carried out only when a
 * second security administrator approved the request (dual control).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CaKeyRollovers {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateAssemblers assemblers;
  @Inject private CaToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;
  @Inject private Event<CaKeyRolledOver> rolledOver;

  @Inject private Clock clock;

  /**
   * The CA named {@code caName}.
   *
   * @throws Refusal CA_UNAVAILABLE for an unknown CA
   */
  public CertificateAuthority existing(String caName) {
    return certificateAuthorities
        .byName(caName)
        .orElseThrow(() -> new Refusal(CA_UNAVAILABLE, "CA '" + caName + "' does not exist"));
  }

  /**
   * Rolls the key of CA {@code caName} over (R12), as approved under dual control.
   *
   * @throws Refusal CA_UNAVAILABLE for an unknown CA, CA_REVOKED for a CA the root revoked
   */
  public CaKeyRolloverView rollOver(String caName, String actor) {
    CertificateAuthority ca = existing(caName);
    entityManager.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(ca);
    // A revoked CA gets no new key: its NewWithOld would be signed by the compromised key, and the
    // parent would certify a CA it revoked. A new CA takes its place.
    ca.requireNotRevoked();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Optional<IssuingCa> parent =
        Optional.ofNullable(ca.getParent()).map(CertificateAuthorities::asIssuer);
    Instant notAfter = now.plus(validity(ca));
    if (parent.isPresent()) {
      // A CA certificate never outlives the certificate of the CA that vouches for it.
      Instant parentEnd = parent.get().certificate().getNotAfter().toInstant();
      notAfter = notAfter.isAfter(parentEnd) ? parentEnd : notAfter;
    }
    int keyIndex = ca.getKeyIndex() + 1;
    String alias = CertificateAuthorities.newKeyAlias(ca, "k" + keyIndex, now);
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
        AuditAction.CA_KEY_ROLLED_OVER,
        ca.getSubjectDn(),
        "ca="
            + caName
            + " keyIndex="
            + keyIndex
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
            keyIndex,
            new PublishedCertificate(
                caName, ca.getSubjectDn(), ca.getSerialNumber(), ca.getEncoded()),
            List.of(
                linkCertificate(caName, certificates.newWithOld(), newWithOld),
                linkCertificate(caName, certificates.oldWithNew(), oldWithNew))));
    return new CaKeyRolloverView(caName, keyIndex, newWithNew, newWithOld, oldWithNew);
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
