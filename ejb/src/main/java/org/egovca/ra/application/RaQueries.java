package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.IssuedCertificates;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationDocument;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * What operators look up: their workload against the time limits, applications, documents,
 * certificates and, for auditors, the audit log. Application data is confidential (CPS §6.3.2):
 * only operators whose roles need it read it, and an application unit's administrator reads only
 * the applications and certificates of their unit (R19); any other read is refused and audited.
 */
@Stateless
public class RaQueries {

  /** A decision due within this time is "nearly due" on the home page. */
  public static final Duration DUE_SOON = Duration.ofHours(12);

  private static final int MAX_RESULTS = 500;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private ConsoleAccess access;
  @Inject private AuditLog auditLog;
  @Inject private IssuedCertificates issuedCertificates;

  @Inject private Clock clock;

  public Workload workload(String token) {
    Operator operator =
        access.require(token, Permission.VIEW_APPLICATIONS, AuditAction.WORKLOAD_VIEWED, null);
    Instant now = clock.instant();
    List<ApplicationSummary> waiting =
        scoped(
                operator,
                "SELECT a FROM Application a WHERE a.state = :state",
                " ORDER BY a.decisionDueAt",
                Map.of("state", ApplicationState.SUBMITTED))
            .setMaxResults(MAX_RESULTS)
            .getResultList()
            .stream()
            .map(a -> ApplicationSummary.of(a, now))
            .toList();
    List<ApplicationSummary> noticesOverdue =
        scoped(
                operator,
                "SELECT a FROM Application a WHERE a.noticeDueAt IS NOT NULL AND a.noticeSentAt IS"
                    + " NULL AND a.noticeDueAt < :now",
                " ORDER BY a.noticeDueAt",
                Map.of("now", now))
            .setMaxResults(MAX_RESULTS)
            .getResultList()
            .stream()
            .map(a -> ApplicationSummary.of(a, now))
            .toList();
    long inTime = count(operator, "a.decidedAt IS NOT NULL AND a.decidedAt <= a.decisionDueAt");
    long late = count(operator, "a.decidedAt IS NOT NULL AND a.decidedAt > a.decisionDueAt");
    return new Workload(
        waiting.stream().filter(ApplicationSummary::overdue).toList(),
        waiting.stream()
            .filter(a -> !a.overdue() && a.decisionDueAt().isBefore(now.plus(DUE_SOON)))
            .toList(),
        waiting,
        noticesOverdue,
        inTime,
        late);
  }

  public List<ApplicationSummary> applications(String token, ApplicationSearch search) {
    Operator operator =
        access.require(
            token, Permission.VIEW_APPLICATIONS, AuditAction.APPLICATIONS_SEARCHED, null);
    ApplicationSearch criteria = search == null ? ApplicationSearch.all() : search;
    StringBuilder where = new StringBuilder("SELECT a FROM Application a WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    String text = FormText.text("text", criteria.text(), 128, false);
    if (text != null) {
      where.append(
          " AND (LOWER(a.applicant.name) LIKE :text OR LOWER(a.subjectDn) LIKE :text"
              + " OR LOWER(a.applicant.organisationName) LIKE :text"
              + " OR UPPER(a.applicant.idDocumentNumber) LIKE :upper"
              + " OR UPPER(a.applicant.organisationCode) LIKE :upper OR a.id = :id)");
      parameters.put("text", like(text.toLowerCase(Locale.ROOT)));
      parameters.put("upper", like(text.toUpperCase(Locale.ROOT)));
      parameters.put("id", referenceId(text));
    }
    if (criteria.state() != null) {
      where.append(" AND a.state = :state");
      parameters.put("state", criteria.state());
    }
    if (criteria.kind() != null) {
      where.append(" AND a.kind = :kind");
      parameters.put("kind", criteria.kind());
    }
    dateRange(where, parameters, "a.enteredAt", criteria.enteredFrom(), criteria.enteredTo());
    Instant now = clock.instant();
    return scoped(operator, where.toString(), " ORDER BY a.id DESC", parameters)
        .setMaxResults(MAX_RESULTS)
        .getResultList()
        .stream()
        .map(a -> ApplicationSummary.of(a, now))
        .toList();
  }

  public ApplicationDetail application(String token, long id) {
    Operator operator =
        access.require(
            token,
            Permission.VIEW_APPLICATIONS,
            AuditAction.APPLICATION_VIEWED,
            Application.reference(id));
    return ApplicationDetail.of(
        readable(operator, id, AuditAction.APPLICATION_VIEWED), clock.instant());
  }

  /** A stored document, with a fresh check of its SHA-256. */
  public DocumentContent document(String token, long documentId) {
    Operator operator =
        access.require(
            token,
            Permission.VIEW_APPLICATIONS,
            AuditAction.DOCUMENT_VIEWED,
            "document:" + documentId);
    ApplicationDocument document = entityManager.find(ApplicationDocument.class, documentId);
    if (document == null) {
      throw new Refusal(RefusalCode.NOT_FOUND, "document.notFound", "no such document");
    }
    readable(operator, document.getApplication().getId(), AuditAction.DOCUMENT_VIEWED);
    byte[] content = document.getContent();
    return new DocumentContent(
        document.getFileName(),
        document.getContentType(),
        content,
        document.getSha256(),
        ConsoleAccess.sha256(content).equals(document.getSha256()));
  }

  /** The GM/T 0009 envelope of the encryption key issued for an application. */
  public byte[] envelopedKey(String token, long applicationId) {
    Operator operator =
        access.require(
            token,
            Permission.VIEW_APPLICATIONS,
            AuditAction.ENVELOPED_KEY_DOWNLOADED,
            Application.reference(applicationId));
    byte[] envelope =
        readable(operator, applicationId, AuditAction.ENVELOPED_KEY_DOWNLOADED).getEnvelopedKey();
    if (envelope == null) {
      throw new Refusal(
          RefusalCode.NOT_FOUND, "application.noEnvelope", "no encryption key was issued");
    }
    return envelope;
  }

  public List<CertificateSummary> certificates(String token, CertificateSearch search) {
    Operator operator =
        access.require(
            token, Permission.VIEW_CERTIFICATES, AuditAction.CERTIFICATES_SEARCHED, null);
    CertificateSearch criteria = search == null ? CertificateSearch.all() : search;
    StringBuilder where = new StringBuilder("SELECT c FROM IssuedCertificate c WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    String subject = FormText.text("subject", criteria.subject(), 128, false);
    if (subject != null) {
      where.append(" AND LOWER(c.subjectDn) LIKE :subject");
      parameters.put("subject", like(subject.toLowerCase(Locale.ROOT)));
    }
    String serial = FormText.text("serial", criteria.serial(), 64, false);
    if (serial != null) {
      where.append(" AND c.serialNumber LIKE :serial");
      parameters.put(
          "serial",
          serial
                  .strip()
                  .replaceFirst("^0[xX]", "")
                  .replaceAll("[:\\s]", "")
                  .toLowerCase(Locale.ROOT)
              + "%");
    }
    String idNumber = FormText.text("idNumber", criteria.idNumber(), 32, false);
    if (idNumber != null) {
      where.append(
          " AND EXISTS (SELECT a FROM Application a WHERE (a.certificate = c OR"
              + " a.encryptionCertificate = c) AND (UPPER(a.applicant.idDocumentNumber) = :idNumber"
              + " OR UPPER(a.applicant.organisationCode) = :idNumber))");
      parameters.put("idNumber", idNumber.toUpperCase(Locale.ROOT));
    }
    if (criteria.status() != null) {
      where.append(" AND c.status = :status");
      parameters.put("status", criteria.status());
    }
    dateRange(where, parameters, "c.issuedAt", criteria.issuedFrom(), criteria.issuedTo());
    if (Permission.scopedToUnit(operator.getRoles())) {
      where.append(" AND c.applicationUnitId = :unit");
      parameters.put("unit", operator.getApplicationUnit().getId());
    }
    TypedQuery<IssuedCertificate> query =
        entityManager.createQuery(where + " ORDER BY c.issuedAt DESC", IssuedCertificate.class);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(MAX_RESULTS).getResultList().stream()
        .map(CertificateSummary::of)
        .toList();
  }

  public CertificateDetail certificate(String token, String serialHex) {
    Operator operator =
        access.require(
            token,
            Permission.VIEW_CERTIFICATES,
            AuditAction.CERTIFICATE_VIEWED,
            "serial=" + serialHex);
    IssuedCertificate certificate = issuedCertificates.find(SerialNumbers.parse(serialHex));
    if (Permission.scopedToUnit(operator.getRoles())
        && !operator.getApplicationUnit().getId().equals(certificate.getApplicationUnitId())) {
      throw outOfUnit(
          operator, AuditAction.CERTIFICATE_VIEWED, "serial=" + certificate.getSerialNumberHex());
    }
    Instant now = clock.instant();
    List<ApplicationSummary> applications =
        entityManager
            .createQuery(
                "SELECT a FROM Application a WHERE a.certificate = :c OR a.encryptionCertificate"
                    + " = :c OR a.targetCertificate = :c ORDER BY a.id",
                Application.class)
            .setParameter("c", certificate)
            .getResultList()
            .stream()
            .map(a -> ApplicationSummary.of(a, now))
            .toList();
    return CertificateDecoder.detail(certificate, unitCode(certificate), applications);
  }

  /**
   * The newest audit events, optionally those whose actor, action, target or detail has {@code
   * text}.
   */
  public List<AuditEntry> auditTrail(String token, String text, int max) {
    access.require(token, Permission.VIEW_AUDIT, AuditAction.AUDIT_LOG_VIEWED, null);
    String filter = FormText.text("text", text, 128, false);
    TypedQuery<AuditEvent> query =
        entityManager.createQuery(
            "SELECT e FROM AuditEvent e"
                + (filter == null
                    ? ""
                    : " WHERE LOWER(e.actor) LIKE :t OR LOWER(e.action) LIKE :t OR LOWER(e.target)"
                        + " LIKE :t OR LOWER(e.detail) LIKE :t")
                + " ORDER BY e.id DESC",
            AuditEvent.class);
    if (filter != null) {
      query.setParameter("t", like(filter.toLowerCase(Locale.ROOT)));
    }
    return query.setMaxResults(Math.max(1, Math.min(max, MAX_RESULTS))).getResultList().stream()
        .map(RaQueries::entry)
        .toList();
  }

  private Application readable(Operator operator, long id, AuditAction action) {
    Application application = entityManager.find(Application.class, id);
    if (application == null) {
      throw new Refusal(
          RefusalCode.NOT_FOUND,
          "application.notFound",
          "no application " + Application.reference(id));
    }
    if (Permission.scopedToUnit(operator.getRoles())
        && (application.getApplicationUnit() == null
            || !application
                .getApplicationUnit()
                .getId()
                .equals(operator.getApplicationUnit().getId()))) {
      throw outOfUnit(operator, action, application.reference());
    }
    return application;
  }

  private Refusal outOfUnit(Operator operator, AuditAction action, String target) {
    String detail =
        operator.getUsername()
            + " administers application unit "
            + operator.getApplicationUnit().getCode()
            + " and may read only its applications and certificates";
    auditLog.refusal(ConsoleAccess.actor(operator), action, target, AuditOutcome.DENIED, detail);
    return new Refusal(RefusalCode.NOT_AUTHORIZED, "access.otherUnit", "not authorised: " + detail);
  }

  /** A query over applications, limited to the operator's unit when they administer one. */
  private TypedQuery<Application> scoped(
      Operator operator, String query, String order, Map<String, Object> parameters) {
    boolean scoped = Permission.scopedToUnit(operator.getRoles());
    TypedQuery<Application> typed =
        entityManager.createQuery(
            query + (scoped ? " AND a.applicationUnit = :unit" : "") + order, Application.class);
    parameters.forEach(typed::setParameter);
    if (scoped) {
      typed.setParameter("unit", operator.getApplicationUnit());
    }
    return typed;
  }

  private long count(Operator operator, String condition) {
    boolean scoped = Permission.scopedToUnit(operator.getRoles());
    TypedQuery<Long> query =
        entityManager.createQuery(
            "SELECT COUNT(a) FROM Application a WHERE "
                + condition
                + (scoped ? " AND a.applicationUnit = :unit" : ""),
            Long.class);
    if (scoped) {
      query.setParameter("unit", operator.getApplicationUnit());
    }
    return query.getSingleResult();
  }

  private String unitCode(IssuedCertificate certificate) {
    if (certificate.getApplicationUnitId() == null) {
      return null;
    }
    org.egovca.ca.domain.ApplicationUnit unit =
        entityManager.find(
            org.egovca.ca.domain.ApplicationUnit.class, certificate.getApplicationUnitId());
    return unit == null ? null : unit.getCode();
  }

  private static void dateRange(
      StringBuilder where,
      Map<String, Object> parameters,
      String attribute,
      LocalDate from,
      LocalDate to) {
    if (from != null) {
      where.append(" AND ").append(attribute).append(" >= :from");
      parameters.put("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (to != null) {
      where.append(" AND ").append(attribute).append(" < :to");
      parameters.put("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }

  /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards taken literally. */
  private static String like(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static long referenceId(String text) {
    String digits = text.toUpperCase(Locale.ROOT).replaceFirst("^RA-", "");
    return digits.matches("[0-9]{1,12}") ? Long.parseLong(digits) : -1;
  }

  private static AuditEntry entry(AuditEvent event) {
    return new AuditEntry(
        event.getOccurredAt(),
        event.getActor(),
        event.getAction(),
        event.getOutcome().name(),
        event.getTarget() == null
            ? event.getDetail()
            : event.getTarget() + (event.getDetail() == null ? "" : " — " + event.getDetail()));
  }
}
