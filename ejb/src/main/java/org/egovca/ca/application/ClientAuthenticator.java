package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.NOT_AUTHORIZED;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.ClientRole;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RetiredCaKey;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.guard.Asn1Limits;
import org.egovca.guard.MalformedAsn1Exception;

/**
 * Establishes which client account a TLS client certificate belongs to and checks its role. The TLS
 * layer has already checked that the client holds the private key; here the certificate must be one
 * this CA issued (signature checked against a key of the CA, current or retired), currently valid,
 * not revoked, and bound to an active account with the role the operation needs. Anything else is
 * refused and audited as denied access.
 */
@Stateless
public class ClientAuthenticator {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;

  /**
   * Which CA signed a client certificate, by the certificate's SHA-256: a signature never changes,
   * so it is checked once, not on every call (status and account are checked every time).
   */
  private static final Map<String, Long> ISSUERS = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED_ISSUERS = 10_000;

  @Inject private Clock clock;

  /**
   * Returns the remote RA account of {@code clientCertificate} (DER), or throws NOT_AUTHORIZED.
   *
   * @param operation what the caller tried to do, for the audit log
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public ClientAccount authenticate(byte[] clientCertificate, String operation) {
    return authenticate(clientCertificate, operation, ClientRole.REMOTE_RA);
  }

  /**
   * Returns the account for {@code clientCertificate} if it has {@code role}, or throws
   * NOT_AUTHORIZED (audited as denied access).
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public ClientAccount authenticate(byte[] clientCertificate, String operation, ClientRole role) {
    if (clientCertificate == null || clientCertificate.length == 0) {
      throw denied(
          "anonymous",
          operation,
          "no TLS client certificate was presented: the remote RA service requires a client"
              + " certificate issued by this CA (connect over HTTPS with the RA credential)");
    }
    X509CertificateHolder presented = parse(clientCertificate, operation);
    String who = presented.getSubject().toString();
    CertificateAuthority issuer = issuerOf(presented, who, operation);
    IssuedCertificate record =
        entityManager
            .createNamedQuery(IssuedCertificate.BY_SERIAL, IssuedCertificate.class)
            .setParameter("issuer", issuer)
            .setParameter("serial", SerialNumbers.toHex(presented.getSerialNumber()))
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> denied(who, operation, "the client certificate is not one this CA issued"));
    Instant now = clock.instant();
    if (!record.isUsableAt(now)) {
      throw denied(who, operation, "the client certificate is " + describeUnusable(record, now));
    }
    ClientAccount account =
        entityManager
            .createNamedQuery(ClientAccount.BY_CERTIFICATE, ClientAccount.class)
            .setParameter("certificate", record)
            .getResultStream()
            .filter(ClientAccount::isActive)
            .findFirst()
            .orElseThrow(
                () ->
                    denied(
                        who,
                        operation,
                        "the client certificate is not bound to an active client account"));
    if (account.getRole() != role) {
      throw denied(
          who,
          operation,
          "account "
              + account.getName()
              + " has the role "
              + account.getRole()
              + "; "
              + operation
              + " needs "
              + role);
    }
    return account;
  }

  private X509CertificateHolder parse(byte[] der, String operation) {
    return readCertificate(der)
        .orElseThrow(
            () -> denied("anonymous", operation, "the client certificate cannot be parsed"));
  }

  /**
   * The certificate in {@code der}, or empty when it is none: malformed, however deeply nested
   * (BouncyCastle recurses per nesting level, so the nesting is bounded before it parses), or with
   * fields {@link #authenticate} could not use (a serial number that is not positive, RFC 5280
   * §4.1.2.2).
   */
  static Optional<X509CertificateHolder> readCertificate(byte[] der) {
    try {
      Asn1Limits.check(der);
      X509CertificateHolder certificate = new X509CertificateHolder(der);
      certificate.getSubject().toString();
      X500Name.getInstance(certificate.getIssuer());
      return certificate.getSerialNumber().signum() > 0
          ? Optional.of(certificate)
          : Optional.empty();
    } catch (MalformedAsn1Exception | IOException | RuntimeException | StackOverflowError e) {
      return Optional.empty(); // a parse that overflowed anyway is a certificate it cannot use
    }
  }

  private CertificateAuthority issuerOf(
      X509CertificateHolder presented, String who, String operation) {
    String fingerprint = HexFormat.of().formatHex(CertificateIssuer.sha256(encoded(presented)));
    Long known = ISSUERS.get(fingerprint);
    if (known != null) {
      return entityManager.find(CertificateAuthority.class, known);
    }
    CertificateAuthority issuer = findIssuer(presented, who, operation);
    if (ISSUERS.size() > MAX_REMEMBERED_ISSUERS) {
      ISSUERS.clear();
    }
    ISSUERS.put(fingerprint, issuer.getId());
    return issuer;
  }

  private static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a parsed certificate", e);
    }
  }

  private CertificateAuthority findIssuer(
      X509CertificateHolder presented, String who, String operation) {
    List<CertificateAuthority> cas =
        entityManager
            .createNamedQuery(CertificateAuthority.ALL, CertificateAuthority.class)
            .getResultList();
    for (CertificateAuthority ca : cas) {
      if (issuedBy(presented, ca.getEncoded())) {
        return ca;
      }
    }
    // Certificates issued before a CA key rollover are signed by the retired key.
    for (RetiredCaKey key :
        entityManager.createNamedQuery(RetiredCaKey.ALL, RetiredCaKey.class).getResultList()) {
      if (issuedBy(presented, key.getCertificate())) {
        return key.getCa();
      }
    }
    throw denied(who, operation, "the client certificate was not issued by this CA");
  }

  private static boolean issuedBy(X509CertificateHolder presented, byte[] caCertificate) {
    X509CertificateHolder ca = CertificateAuthorities.holder(caCertificate);
    return ca.getSubject().equals(X500Name.getInstance(presented.getIssuer()))
        && signedBy(presented, ca);
  }

  private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder ca) {
    try {
      return certificate.isSignatureValid(
          new JcaContentVerifierProviderBuilder()
              .setProvider(BouncyCastle.provider())
              .build(ca.getSubjectPublicKeyInfo()));
    } catch (CertException | OperatorCreationException | RuntimeException | StackOverflowError e) {
      return false; // the presented signature value is decoded as ASN.1: hostile input
    }
  }

  private static String describeUnusable(IssuedCertificate record, Instant now) {
    if (record.getStatus() != org.egovca.ca.domain.CertificateStatus.GOOD) {
      return record.getStatus().name().toLowerCase(java.util.Locale.ROOT);
    }
    return now.isBefore(record.getNotBefore()) ? "not yet valid" : "expired";
  }

  private Refusal denied(String who, String operation, String reason) {
    auditLog.refusal(
        who, AuditAction.CLIENT_AUTHENTICATION, operation, AuditOutcome.DENIED, reason);
    return new Refusal(NOT_AUTHORIZED, reason);
  }
}
