package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;
import org.egovca.ca.domain.CertificateType;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.ApplicationState;

/** One line of an application list, with where it stands against its time limit. */
public record ApplicationSummary(
    long id,
    String reference,
    ApplicationKind kind,
    CertificateType certificateType,
    String profile,
    ApplicationState state,
    String applicantName,
    String subjectDn,
    String applicationUnit,
    String enteredBy,
    Instant enteredAt,
    Instant decisionDueAt,
    String decidedBy,
    Instant decidedAt,
    boolean overdue,
    boolean noticeOverdue)
    implements Serializable {

  static ApplicationSummary of(Application application, Instant now) {
    return new ApplicationSummary(
        application.getId(),
        application.reference(),
        application.getKind(),
        application.getCertificateType(),
        application.getProfile(),
        application.getState(),
        application.getApplicant().getName(),
        application.getSubjectDn(),
        application.getApplicationUnit() == null
            ? null
            : application.getApplicationUnit().getCode(),
        application.getEnteredBy(),
        application.getEnteredAt(),
        application.getDecisionDueAt(),
        application.getDecidedBy(),
        application.getDecidedAt(),
        application.isOverdueAt(now),
        application.isNoticeOverdueAt(now));
  }
}
