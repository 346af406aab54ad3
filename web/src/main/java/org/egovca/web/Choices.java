package org.egovca.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.DocumentKind;
import org.egovca.ra.domain.FeeStatus;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.RejectionReason;

/** The values of the console's select lists; pages label them with {@code fmt.label}. */
@Named
@ApplicationScoped
public class Choices {

  /** The identity documents of a natural person the RA accepts (IdentifierKind names). */
  private static final List<String> ID_DOCUMENT_TYPES =
      List.of("RESIDENT_ID_CARD", "PASSPORT", "MILITARY_OFFICER_ID", "SOCIAL_INSURANCE");

  public List<ApplicationState> getApplicationStates() {
    return List.of(ApplicationState.values());
  }

  public List<ApplicationKind> getApplicationKinds() {
    return List.of(ApplicationKind.values());
  }

  /** What a request for an existing certificate can ask for. */
  public List<ApplicationKind> getChangeKinds() {
    return List.of(ApplicationKind.RENEW, ApplicationKind.REKEY, ApplicationKind.REVOKE);
  }

  public List<FeeStatus> getFeeStatuses() {
    return List.of(FeeStatus.values());
  }

  public List<RejectionReason> getRejectionReasons() {
    return List.of(RejectionReason.values());
  }

  public List<DocumentKind> getDocumentKinds() {
    return List.of(DocumentKind.values());
  }

  public List<String> getIdDocumentTypes() {
    return ID_DOCUMENT_TYPES;
  }

  public List<RevocationInitiator> getInitiators() {
    return List.of(RevocationInitiator.values());
  }

  /** The conditions A to J of CPS §6.1.4.8.1 (not the system's own reasons). */
  public List<RevocationReason> getRevocationReasons() {
    return Arrays.stream(RevocationReason.values())
        .filter(reason -> reason.cpsCondition().isPresent())
        .toList();
  }

  /** The statuses a certificate's record holds: EXPIRED is never stored, so none is found by it. */
  public List<CertificateStatus> getCertificateStatuses() {
    return List.of(CertificateStatus.GOOD, CertificateStatus.REVOKED);
  }

  public List<OperatorRole> getOperatorRoles() {
    return List.of(OperatorRole.values());
  }
}
