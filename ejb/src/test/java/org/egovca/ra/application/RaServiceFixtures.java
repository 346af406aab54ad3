package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.TypedQuery;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.ResidentIds;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ra.domain.DocumentKind;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.FeeStatus;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.OperatorSession;
import org.egovca.servicetier.ServiceTier;

/**
 * The operators of the RA's service tests, made as the console makes them: the first security
 * administrators ({@code admin}, {@code admin2}) log in with the one-time passwords {@link
 * OperatorBootstrap} wrote into the data directory and choose their own; every other operator is
 * asked for by {@code admin}, approved by {@code admin2} (dual control), and chooses their password
 * at the first login. Names are unique per call, since all service tests share one database.
 */
final class RaServiceFixtures {

  /** The password every operator of these tests chooses (CPS 6.5.2.4). */
  static final String PASSWORD = "Secur3!Key9";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 4);
  private static final Map<String, Staff> FIRST_ADMINS = new HashMap<>();
  private static final Map<OperatorRole, Staff> SHARED = new HashMap<>();

  private RaServiceFixtures() {}

  /**
   * An operator whose password is their own: the login certificate (DER) to present and, once asked
   * for, an open session.
   */
  static final class Staff {
    final String username;
    final byte[] certificate;
    final OperatorRole role;
    private String token;

    Staff(String username, byte[] certificate, OperatorRole role) {
      this.username = username;
      this.certificate = certificate;
      this.role = role;
    }

    /** An open session of this operator, the same one each time it is still open. */
    synchronized String token() {
      if (token == null || !open(token)) {
        token = login(this);
      }
      return token;
    }

    /** A new session of this operator, for a test that moves the clock. */
    String freshToken() {
      return login(this);
    }

    /** The operator's password, new each time, since the services wipe what they are given. */
    char[] password() {
      return PASSWORD.toCharArray();
    }

    AdminCredentials credentials() {
      return new AdminCredentials(certificate, username, password());
    }
  }

  /** {@code admin}, with their own password. */
  static Staff admin() {
    return firstAdmin("admin");
  }

  /** {@code admin2}, with their own password. */
  static Staff admin2() {
    return firstAdmin("admin2");
  }

  /** An operator of {@code role} that tests share and do not change. */
  static synchronized Staff shared(OperatorRole role) {
    return SHARED.computeIfAbsent(
        role, r -> newOperator(r, r == OperatorRole.UNIT_ADMIN ? newUnit() : null));
  }

  /** A new operator of {@code role} (of {@code unit} for a UNIT_ADMIN), for a test to change. */
  static Staff newOperator(OperatorRole role, String unit) {
    Account account = newAccount(role, unit);
    OperatorSessions sessions = service(OperatorSessions.class);
    String token =
        sessions
            .login(account.staff().certificate, account.staff().username, account.oneTime(), null)
            .sessionToken();
    sessions.changePassword(token, account.oneTime(), account.staff().password());
    return account.staff();
  }

  /**
   * An account just created under dual control, its one-time password not yet replaced: {@code
   * admin} asked for it, {@code admin2} approved it and received the password.
   */
  record Account(Staff staff, String oneTimePassword, long requestId) {
    char[] oneTime() {
      return oneTimePassword.toCharArray();
    }
  }

  static Account newAccount(OperatorRole role, String unit) {
    String username = uniqueName("op");
    Approval approval =
        approved(
            service(OperatorAdministration.class)
                .requestOperator(admin().token(), newOperatorForm(username, role, unit)));
    return new Account(
        new Staff(username, firstCertificate(approval.request().result()), role),
        approval.secret(),
        approval.request().id());
  }

  /** The form of a good new operator, with a login key nobody else has. */
  static NewOperator newOperatorForm(String username, OperatorRole role, String unit) {
    return new NewOperator(
        username,
        "Operator " + username,
        username + "@ra.example.cn",
        role,
        unit,
        certificateRequest());
  }

  /** {@code admin2} approves a request {@code admin} asked for. */
  static Approval approved(DualControlRequestView request) {
    Approval approval = service(Approvals.class).approve(admin2().token(), request.id(), null);
    assertEquals("APPROVED", approval.request().state());
    return approval;
  }

  /** A new application unit; its code. */
  static String newUnit() {
    String code = uniqueName("unit");
    service(OperatorAdministration.class).createUnit(admin().token(), code, "Unit " + code);
    return code;
  }

  /** A PKCS#10 request (PEM) for a new RSA key, the key operators' login certificates need. */
  static String certificateRequest() {
    return certificateRequest(TestKeys.rsaKeyPair(2048), "SHA256withRSA");
  }

  /** A PKCS#10 request (PEM) for {@code key}, signed with it by {@code algorithm}. */
  static String certificateRequest(KeyPair key, String algorithm) {
    try {
      return Pem.text(
          "CERTIFICATE REQUEST",
          new PKCS10CertificationRequestBuilder(
                  new X500Name("CN=ignored"), TestKeys.spki(key.getPublic()))
              .build(TestKeys.signer(algorithm, key.getPrivate()))
              .getEncoded());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A complete personal application for a new signing certificate of {@code commonName}, for a new
   * SM2 key, as an entry clerk types it.
   */
  static ApplicationForm applicationForm(String commonName, String unit) {
    KeyPair holder = TestKeys.sm2KeyPair();
    String pkcs10;
    try {
      pkcs10 =
          Pem.text(
              "CERTIFICATE REQUEST",
              new PKCS10CertificationRequestBuilder(
                      new X500Name("CN=ignored"), TestKeys.spki(holder.getPublic()))
                  .build(TestKeys.signer("SM3withSM2", holder.getPrivate()))
                  .getEncoded());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    ApplicationForm form = new ApplicationForm();
    form.setProfile("personal-sign");
    form.setCommonName(commonName);
    form.setOrganisationalUnit("IT");
    form.setOrganisation("Example Ltd");
    form.setLocality("Haidian");
    form.setProvince("Beijing");
    form.setCountry("CN");
    form.setDnsNames("");
    form.setPkcs10(pkcs10);
    form.setApplicantName(commonName);
    form.setIdDocumentType("RESIDENT_ID_CARD");
    form.setIdDocumentNumber(ResidentIds.of("44030819900307123"));
    form.setEmail("applicant@example.cn");
    form.setPhone("+86 10 1234 5678");
    form.setDirectoryConsent(true);
    form.setAgreementAccepted(true);
    form.setFeeStatus(FeeStatus.PAID);
    form.setApplicationUnit(unit == null ? "" : unit);
    return form;
  }

  /** A scan of the applicant's identity document (a PNG, as far as its first bytes tell). */
  static List<DocumentUpload> idScan() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    return List.of(new DocumentUpload(DocumentKind.ID_DOCUMENT, "id-card.png", png));
  }

  /** An application the shared entry clerk entered (for {@code unit}, or none); its id. */
  static long submittedApplication(String unit) {
    return service(ApplicationDesk.class)
        .submit(
            shared(OperatorRole.ENTRY_CLERK).token(),
            applicationForm(uniqueName("Applicant "), unit),
            idScan());
  }

  /** A name no other test of the run uses: letters, digits and '-', starting with a letter. */
  static String uniqueName(String prefix) {
    return prefix + RUN + "-" + COUNTER.incrementAndGet();
  }

  /** A bean of the running service tier. */
  static <T> T service(Class<T> type) {
    return CDI.current().select(type).get();
  }

  /** How many audit events name {@code target}, to see that a refused request wrote none. */
  static long auditEventsAbout(String target) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.target = :target", Long.class)
                .setParameter("target", target)
                .getSingleResult());
  }

  /** The audit events of {@code action} about {@code target} (or about nothing), newest first. */
  static List<AuditEvent> auditEvents(AuditAction action, String target) {
    return ServiceTier.inTransaction(
        em -> {
          TypedQuery<AuditEvent> query =
              em.createQuery(
                  "SELECT e FROM AuditEvent e WHERE e.action = :action AND "
                      + (target == null ? "e.target IS NULL" : "e.target = :target")
                      + " ORDER BY e.id DESC",
                  AuditEvent.class);
          if (target != null) {
            query.setParameter("target", target);
          }
          return query.setParameter("action", action.name()).getResultList();
        });
  }

  /** How many dual-control requests, decided or not, are about {@code target}. */
  static long requestsAbout(String target) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(r) FROM DualControlRequest r WHERE r.target = :target",
                    Long.class)
                .setParameter("target", target)
                .getSingleResult());
  }

  /** Request {@code id} as stored now. */
  static DualControlRequest.State stateOf(long id) {
    return ServiceTier.inTransaction(em -> em.find(DualControlRequest.class, id).getState());
  }

  /** The operator {@code username} as stored now, or null. */
  static Operator stored(String username) {
    return ServiceTier.inTransaction(
        em ->
            em.createNamedQuery(Operator.BY_USERNAME, Operator.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElse(null));
  }

  private static synchronized Staff firstAdmin(String username) {
    return FIRST_ADMINS.computeIfAbsent(username, RaServiceFixtures::ownPassword);
  }

  /**
   * Replaces the first administrator's one-time password (from the note {@link OperatorBootstrap}
   * had written) with {@link #PASSWORD}, unless another test of the run did so already.
   */
  private static Staff ownPassword(String username) {
    Operator operator = stored(username);
    Staff staff =
        new Staff(
            username,
            ServiceTier.inTransaction(
                em -> em.find(Operator.class, operator.getId()).getCertificate().getEncoded()),
            OperatorRole.SECURITY_ADMIN);
    if (operator.isMustChangePassword()) {
      char[] oneTime = oneTimePassword(username).toCharArray();
      String token =
          service(OperatorSessions.class)
              .login(staff.certificate, username, oneTime.clone(), null)
              .sessionToken();
      service(OperatorSessions.class).changePassword(token, oneTime, staff.password());
    }
    return staff;
  }

  /** The one-time password the first-start note gives {@code username}. */
  static String oneTimePassword(String username) {
    try {
      String note =
          Files.readString(ServiceTier.dataDirectory().resolve("first-security-admin.txt"));
      String marker = "user name: " + username + "\none-time password: ";
      int start = note.indexOf(marker) + marker.length();
      return note.substring(start, note.indexOf('\n', start));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String login(Staff staff) {
    return service(OperatorSessions.class)
        .login(staff.certificate, staff.username, staff.password(), null)
        .sessionToken();
  }

  /** Whether the session of {@code token} is still open, seen without touching it. */
  private static boolean open(String token) {
    return ServiceTier.inTransaction(
        em ->
            em.createNamedQuery(OperatorSession.BY_TOKEN, OperatorSession.class)
                .setParameter("token", ConsoleAccess.sha256(token))
                .getResultStream()
                .anyMatch(
                    session ->
                        session.isOpenAt(ServiceTier.clock().instant())
                            && session.getOperator().isActive()));
  }

  /** The first certificate of a PEM chain, DER. */
  static byte[] firstCertificate(String pem) {
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(
              new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
          .getEncoded();
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }
}
