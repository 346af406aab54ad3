package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.CertificateIssuer;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.ClientCredentialKeys;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.ClientRole;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.x509.CertificationRequests;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.PemCertificates;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.ra.application.FormValidation;

/**
 * Registers e-gov systems and changes their subscriptions, for whichever front door authorised the
 * caller (the console's security administrator, the admin SOAP service). Registration gives the
 * system its delivery queue and a TLS client certificate of the RSA CA for the query service, made
 * for the key of the system's own PKCS#10: the CA never holds the system's private key. The audit
 * record names the endpoint, the server trust anchors by fingerprint and, when an administrator
 * allowed it, plain HTTP.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EgovSystemRegistry {

  /** Longer than any TLS client request of an RSA-2048 or SM2 key; it waits in a request. */
  private static final int MAX_REQUEST = 8192;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private CertificateIssuer issuer;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private CaConfiguration configuration;
  @Inject private ClientCredentialKeys keys;

  @Inject private Clock clock;

  public List<EgovSystemView> all() {
    return entityManager.createNamedQuery(EgovSystem.ALL, EgovSystem.class).getResultList().stream()
        .map(EgovSystemView::of)
        .toList();
  }

  /**
   * The registration, checked without writing anything: a free name, an existing unit, a valid
   * subscription, a request with proof of possession.
   *
   * @throws Refusal MALFORMED_REQUEST naming what is wrong
   */
  public EgovSystemRegistration checked(EgovSystemRegistration registration) {
    summary(registration);
    return registration;
  }

  /**
   * The registration in words, every part of it as it will be carried out (endpoint, plain-HTTP
   * allowance, trust anchors and client key by fingerprint, sync mode, business types), as the
   * approving administrator sees it; checked like {@link #checked}.
   *
   * @throws Refusal MALFORMED_REQUEST naming what is wrong
   */
  public String summary(EgovSystemRegistration registration) {
    requireValid(registration);
    return refusingBadInput(
        () -> {
          // the entity's own invariants check the name and subscription; nothing is persisted
          EgovSystem system =
              new EgovSystem(
                  registration.getName(),
                  unit(registration.getUnitCode()),
                  registration.getSubscription().toSubscription(),
                  clock.instant(),
                  "check");
          requireFreeName(registration.getName());
          return "register e-gov system "
              + registration.getName()
              + ": "
              + describe(system)
              + " clientKey="
              + ClientCredentialKeys.fingerprint(
                  request(registration.getCertificateRequestPem()).getSubjectPublicKeyInfo());
        });
  }

  /**
   * Registers an e-gov system.
   *
   * @return the system and its client certificate (PEM, with the TLS CA certificate)
   * @throws Refusal MALFORMED_REQUEST naming what is wrong: the name, the unit, the request
   *     (nothing is written)
   */
  public Registered register(EgovSystemRegistration registration, String actor) {
    return refusingBadInput(() -> doRegister(checked(registration), actor));
  }

  private Registered doRegister(EgovSystemRegistration registration, String actor) {
    String name = registration.getName();
    ApplicationUnit unit = unit(registration.getUnitCode());
    Instant now = clock.instant();
    EgovSystem system =
        new EgovSystem(name, unit, registration.getSubscription().toSubscription(), now, actor);
    entityManager.persist(system);
    entityManager.flush();
    entityManager.persist(new DeliveryQueue(system.queue(), now));
    IssuedCertificate clientCertificate =
        clientCertificate(name, registration.getCertificateRequestPem(), actor);
    ClientAccount account =
        new ClientAccount("egov-system:" + name, clientCertificate, ClientRole.EGOV_SYSTEM, now);
    entityManager.persist(account);
    system.useClientAccount(account);
    auditLog.success(
        actor,
        AuditAction.EGOV_SYSTEM_REGISTERED,
        "egov-system:" + name,
        describe(system) + " clientCertificate=" + clientCertificate.getSerialNumberHex());
    return new Registered(
        EgovSystemView.of(system),
        PemCertificates.of(
            clientCertificate.getEncoded(),
            certificateAuthorities.byName(configuration.rsaCaName()).orElseThrow().getEncoded()));
  }

  private ApplicationUnit unit(String unitCode) {
    return entityManager
        .createNamedQuery(ApplicationUnit.BY_CODE, ApplicationUnit.class)
        .setParameter("code", unitCode)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("there is no application unit " + unitCode));
  }

  private void requireFreeName(String name) {
    if (!entityManager
        .createNamedQuery(EgovSystem.BY_NAME, EgovSystem.class)
        .setParameter("name", name)
        .getResultList()
        .isEmpty()) {
      throw new IllegalArgumentException("an e-gov system named " + name + " exists");
    }
  }

  /**
   * Stops or resumes deliveries to {@code name}. A deactivated system keeps its queued items (it
   * gets them once active again), receives nothing new, and its query-service access is refused.
   */
  public EgovSystemView setActive(String name, boolean active, String actor) {
    EgovSystem system = refusingBadInput(() -> byName(name));
    if (active) {
      system.activate();
    } else {
      system.deactivate();
    }
    auditLog.success(
        actor,
        active ? AuditAction.EGOV_SYSTEM_ACTIVATED : AuditAction.EGOV_SYSTEM_DEACTIVATED,
        "egov-system:" + name,
        describe(system));
    return EgovSystemView.of(system);
  }

  /**
   * Refuses a registration whose subscription form breaks its constraints with MALFORMED_REQUEST,
   * in their words, like the rules of the e-gov system itself: a registration's refusal names no
   * field.
   */
  private static void requireValid(EgovSystemRegistration registration) {
    SubscriptionForm subscription = registration.getSubscription();
    List<Refusal.Problem> problems =
        subscription == null ? List.of() : FormValidation.problems(subscription);
    if (!problems.isEmpty()) {
      throw new Refusal(
          RefusalCode.MALFORMED_REQUEST,
          problems.stream().map(p -> new Refusal.Problem(null, p.key(), p.message())).toList());
    }
  }

  /**
   * Runs {@code work}, turning a refusal of bad input into MALFORMED_REQUEST: an application
   * exception, which reaches the calling front door as it is, and rolls back whatever was written.
   */
  private static <T> T refusingBadInput(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException refused) {
      throw new Refusal(RefusalCode.MALFORMED_REQUEST, refused.getMessage());
    }
  }

  private EgovSystem byName(String name) {
    return entityManager
        .createNamedQuery(EgovSystem.BY_NAME, EgovSystem.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("there is no e-gov system " + name));
  }

  private PKCS10CertificationRequest request(String requestPem) {
    if (requestPem != null && requestPem.length() > MAX_REQUEST) {
      throw new IllegalArgumentException(
          "the certificate request is longer than " + MAX_REQUEST + " characters");
    }
    try {
      PKCS10CertificationRequest request = CertificationRequests.parse(requestPem);
      CertificationRequests.verifyProofOfPossession(request);
      keys.requireUnused(request.getSubjectPublicKeyInfo());
      return request;
    } catch (Refusal refused) {
      throw new IllegalArgumentException(
          "the certificate request: " + refused.getMessage(), refused);
    }
  }

  private IssuedCertificate clientCertificate(String name, String requestPem, String actor) {
    PKCS10CertificationRequest request = request(requestPem);
    CertificateProfile profile = profiles.require(CertificateProfiles.TLS_CLIENT);
    try {
      return issuer.issue(
          certificateAuthorities.byName(configuration.rsaCaName()).orElseThrow(),
          profile,
          new EndEntityContent(
              SubjectNames.parse("CN=" + name + ",OU=E-gov Systems,O=iFutureCA,C=CN", profile),
              request.getSubjectPublicKeyInfo(),
              List.of(),
              List.of()),
          actor,
          IssuanceTerms.unpublished());
    } catch (Refusal refused) {
      if (refused.code() == RefusalCode.TOKEN_OFFLINE) {
        throw refused; // the CA's keys wait for the custodians: no fault of the request
      }
      // a key the TLS profile does not take (found only now, when it is signed) is a fault of
      // the request, refused like the other faults of it
      throw new IllegalArgumentException(
          "the certificate request: " + refused.getMessage(), refused);
    }
  }

  private static String describe(EgovSystem system) {
    return "unit="
        + system.getApplicationUnit().getCode()
        + " endpoint="
        + system.getEndpoint()
        + (system.isPlainHttpAllowed() ? " PLAIN-HTTP-ALLOWED" : "")
        + " serverTrustAnchors=["
        + system.getServerTrustAnchors().describe()
        + "] syncMode="
        + system.getSyncMode()
        + (system.getBatchIntervalMinutes() > 0
            ? " every " + system.getBatchIntervalMinutes() + " min"
            : "")
        + " businessTypes="
        + system.businessTypes()
        + " active="
        + system.isActive();
  }

  /** A newly registered system and its client certificate chain in PEM. */
  public record Registered(EgovSystemView system, String clientCertificatePem)
      implements java.io.Serializable {}
}
