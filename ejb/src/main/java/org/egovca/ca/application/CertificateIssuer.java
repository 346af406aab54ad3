package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.UNSUPPORTED_KEY;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.SerialNumberGenerator;
import org.egovca.ca.x509.SubjectKeys;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Signs one end-entity certificate and records it: the certificate row, its audit event and its
 * queued deliveries (written by the observers of {@link CertificateIssued}) are all part of the
 * caller's transaction. Callers have already authorised the request and checked its content against
 * the profile.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CertificateIssuer {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CertificateAssemblers assemblers;
  @Inject private AuditLog auditLog;
  @Inject private Event<CertificateIssued> issued;

  @Inject private Clock clock;

  /**
   * Issues a certificate for {@code content} under {@code profile}; a certificate that would break
   * the profile is refused by the pre-issuance lint with {@code PROFILE_VIOLATION}, and any from a
   * CA the root revoked with {@code CA_REVOKED}.
   */
  public IssuedCertificate issue(
      CertificateAuthority ca, CertificateProfile profile, EndEntityContent content, String actor) {
    return issue(ca, profile, content, actor, IssuanceTerms.published());
  }

  /**
   * Issues as {@link #issue(CertificateAuthority, CertificateProfile, EndEntityContent, String)},
   * under {@code terms}: the business type, the holder's consent to the directory (CPS §6.1.4.4.2)
   * and the application unit, which decide where it is delivered.
   */
  public IssuedCertificate issue(
      CertificateAuthority ca,
      CertificateProfile profile,
      EndEntityContent content,
      String actor,
      IssuanceTerms terms) {
    return issue(ca, profile, content, actor, terms, reserve(ca, profile));
  }

  /**
   * The serial number and validity of a certificate about to be issued under {@code profile}: what
   * the CA tells the KMC before it certifies the key the KMC makes (GM/T 0014 userCertNo).
   */
  public Reservation reserve(CertificateAuthority ca, CertificateProfile profile) {
    ca.requireNotRevoked();
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = notBefore.plus(profile.validity());
    if (notAfter.isAfter(ca.getNotAfter())) {
      // A certificate never outlives the CA certificate that vouches for it.
      notAfter = ca.getNotAfter();
    }
    return new Reservation(SerialNumberGenerator.next(), notBefore, notAfter);
  }

  /** Issues as {@link #issue}, with the serial number and validity of {@code reservation}. */
  public IssuedCertificate issue(
      CertificateAuthority ca,
      CertificateProfile profile,
      EndEntityContent content,
      String actor,
      IssuanceTerms terms,
      Reservation reservation) {
    ca.requireNotRevoked();
    KeyAlgorithm keyAlgorithm =
        SubjectKeys.algorithmOf(content.key())
            .orElseThrow(
                () ->
                    new Refusal(
                        UNSUPPORTED_KEY,
                        SubjectKeys.describe(content.key()) + " is not supported"));
    IssuingCa issuer = CertificateAuthorities.asIssuer(ca);
    Instant notBefore = reservation.notBefore();
    Instant notAfter = reservation.notAfter();
    BigInteger serial = reservation.serial();
    X509CertificateHolder certificate =
        assemblers.assembler().endEntity(issuer, profile, content, serial, notBefore, notAfter);
    byte[] encoded = CertificateAssembler.encode(certificate);
    String subjectDn = SubjectNames.toDisplayString(content.subject());
    IssuedCertificate record =
        new IssuedCertificate(
            ca,
            serial,
            subjectDn,
            profile.name(),
            profile.version(),
            keyAlgorithm.name(),
            notBefore,
            notAfter,
            sha256(encoded),
            encoded,
            actor,
            clock.instant());
    record.issuedUnder(terms);
    entityManager.persist(record);
    auditLog.success(
        actor,
        AuditAction.CERTIFICATE_ISSUED,
        subjectDn,
        "serial="
            + record.getSerialNumberHex()
            + " ca="
            + ca.getName()
            + " profile="
            + profile.label()
            + " key="
            + keyAlgorithm.name());
    issued.fire(new CertificateIssued(record));
    return record;
  }

  /** A certificate's serial number and validity, chosen before it is issued. */
  public record Reservation(BigInteger serial, Instant notBefore, Instant notAfter) {}

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
