package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.MALFORMED_REQUEST;
import static org.egovca.ca.domain.RefusalCode.TOKEN_OFFLINE;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.ClientRole;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.CertificationRequests;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.PemCertificates;
import org.egovca.ca.x509.SubjectNames;

/**
 * Remote RA systems (CPS §7.3.2): their accounts, the TLS client certificates they authenticate
 * with (issued by the RSA CA for the key of the system's own PKCS#10: the CA never holds it) and
 * the application units they may place certificates into. Changes here are carried out under dual
 * control; the checks run when a change is asked for and again when it is carried out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RemoteRaRegistry {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

  /** Longer than any TLS client request of an RSA-2048 or SM2 key; it waits in a request. */
  private static final int MAX_REQUEST = 8192;

  /** A new remote RA account, the units it may issue for, and its PKCS#10. */
  public record Registration(
      String name, List<String> applicationUnits, String certificateRequestPem)
      implements Serializable {}

  /** The units an existing remote RA may issue for, replacing the ones it had. */
  public record Units(String name, List<String> applicationUnits) implements Serializable {}

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private CertificateIssuer issuer;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private CaConfiguration configuration;
  @Inject private ClientCredentialKeys keys;

  @Inject private Clock clock;

  /**
   * The remote RA {@code name} where records of several kinds of party meet: the actor of its audit
   * events and certificate requests, the target of a dual-control request about it.
   */
  public static String qualifiedName(String name) {
    return "remote-ra:" + name;
  }

  /**
   * @throws Refusal MALFORMED_REQUEST naming what is wrong: the name, a unit, the request
   */
  public Registration checked(Registration registration) {
    if (registration.name() == null || registration.name().isBlank()) {
      throw malformed("name is required: the remote RA's account name");
    }
    String name = registration.name().strip();
    if (!NAME.matcher(name).matches()) {
      throw malformed(
          "a remote RA's name has 2 to 64 lower-case letters, digits, '.', '-' or '_', starting"
              + " with a letter");
    }
    if (account(name) != null) {
      throw malformed("a remote RA named " + name + " exists");
    }
    unitIds(registration.applicationUnits());
    request(registration.certificateRequestPem());
    return new Registration(
        name, sorted(registration.applicationUnits()), registration.certificateRequestPem());
  }

  /**
   * Registers the remote RA; returns its client certificate with the TLS CA's, in PEM.
   *
   * @throws Refusal MALFORMED_REQUEST as {@link #checked(Registration)}, and for a key the TLS
   *     client profile does not take
   */
  public String register(Registration registration, String actor) {
    Registration checked = checked(registration);
    CertificateProfile profile = profiles.require(CertificateProfiles.TLS_CLIENT);
    EndEntityContent content =
        new EndEntityContent(
            SubjectNames.parse("CN=" + checked.name() + ",OU=RA,O=iFutureCA,C=CN", profile),
            request(checked.certificateRequestPem()).getSubjectPublicKeyInfo(),
            List.of(),
            List.of());
    IssuedCertificate certificate;
    try {
      certificate =
          issuer.issue(
              certificateAuthorities.byName(configuration.rsaCaName()).orElseThrow(),
              profile,
              content,
              actor,
              IssuanceTerms.unpublished());
    } catch (Refusal refused) {
      if (refused.code() == TOKEN_OFFLINE) {
        throw refused; // the CA's keys wait for the custodians: no fault of the request
      }
      // a key the TLS profile does not take (found only now, when it is signed) is a fault of
      // the request, refused in the terms of this registry's other checks of it
      throw malformed("the certificate request: " + refused.getMessage());
    }
    ClientAccount account = new ClientAccount(checked.name(), certificate, clock.instant());
    account.authoriseUnits(unitIds(checked.applicationUnits()));
    entityManager.persist(account);
    auditLog.success(
        actor,
        AuditAction.REMOTE_RA_REGISTERED,
        checked.name(),
        "units="
            + checked.applicationUnits()
            + " bound to certificate serial="
            + certificate.getSerialNumberHex());
    return PemCertificates.of(
        certificate.getEncoded(),
        certificateAuthorities.byName(configuration.rsaCaName()).orElseThrow().getEncoded());
  }

  /** The registration in words, with its key's fingerprint, as the approver sees it. */
  public String summary(Registration checked) {
    return "register remote RA "
        + checked.name()
        + " for the units "
        + checked.applicationUnits()
        + ", client key "
        + ClientCredentialKeys.fingerprint(
            request(checked.certificateRequestPem()).getSubjectPublicKeyInfo());
  }

  /**
   * @throws Refusal MALFORMED_REQUEST for an unknown remote RA or unit
   */
  public Units checked(Units units) {
    ClientAccount remoteRa = remoteRa(units.name());
    unitIds(units.applicationUnits());
    return new Units(remoteRa.getName(), sorted(units.applicationUnits()));
  }

  public void changeUnits(Units units, String actor) {
    Units checked = checked(units);
    ClientAccount remoteRa = remoteRa(checked.name());
    remoteRa.authoriseUnits(unitIds(checked.applicationUnits()));
    auditLog.success(
        actor,
        AuditAction.REMOTE_RA_CHANGED,
        remoteRa.getName(),
        "units=" + checked.applicationUnits());
  }

  private ClientAccount remoteRa(String name) {
    ClientAccount account = account(name == null ? null : name.strip());
    if (account == null || account.getRole() != ClientRole.REMOTE_RA) {
      throw malformed("there is no remote RA " + name);
    }
    return account;
  }

  private ClientAccount account(String name) {
    return entityManager
        .createNamedQuery(ClientAccount.BY_NAME, ClientAccount.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private Set<Long> unitIds(List<String> codes) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      ids.add(
          entityManager
              .createNamedQuery(ApplicationUnit.BY_CODE, ApplicationUnit.class)
              .setParameter("code", code == null ? null : code.strip())
              .getResultStream()
              .findFirst()
              .map(ApplicationUnit::getId)
              .orElseThrow(() -> malformed("there is no application unit " + code)));
    }
    return ids;
  }

  private PKCS10CertificationRequest request(String pem) {
    if (pem != null && pem.length() > MAX_REQUEST) {
      throw malformed("the certificate request is longer than " + MAX_REQUEST + " characters");
    }
    try {
      PKCS10CertificationRequest request = CertificationRequests.parse(pem);
      CertificationRequests.verifyProofOfPossession(request);
      keys.requireUnused(request.getSubjectPublicKeyInfo());
      return request;
    } catch (Refusal refused) {
      throw malformed("the certificate request: " + refused.getMessage());
    }
  }

  private static List<String> sorted(List<String> codes) {
    Set<String> set = new TreeSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      set.add(code.strip());
    }
    return List.copyOf(set);
  }

  private static Refusal malformed(String message) {
    return new Refusal(MALFORMED_REQUEST, message);
  }
}
