package org.egovca.ca.application;

import static org.egovca.ca.application.CaRequestException.Reason.BATCH_TOO_LARGE;
import static org.egovca.ca.application.CaRequestException.Reason.INVALID_REVOCATION;
import static org.egovca.ca.application.CaRequestException.Reason.MALFORMED_REQUEST;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.egovca.ca.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.RaClient;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.infrastructure.CaConfiguration;

/**
 * Issues certificates for remote RA systems in one transaction: authorise the caller, check the
 * request against the profile (proof of possession, key, subject), sign, record. A refusal rolls
 * everything back and leaves one audit event that says why.
 */
@Stateless
public class RemoteRaServiceBean implements RemoteRaService {

  @Inject private RaClientAuthenticator authenticator;
  @Inject private VettedIssuance vettedIssuance;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;
  @Inject private CertificateRevoker revoker;
  @Inject private CertificateRenewal renewal;
  @Inject private CertificateProfileCatalogue profiles;

  @Override
  public CertificateView issueCertificate(byte[] clientCertificate, IssuanceRequest request) {
    return asRaClient(
        clientCertificate,
        "issueCertificate",
        AuditActions.CERTIFICATE_ISSUED,
        request.subjectDn(),
        actor -> issue(request, actor));
  }

  @Override
  public List<CertificateView> issueCertificates(
      byte[] clientCertificate, List<IssuanceRequest> requests) {
    return asRaClient(
        clientCertificate,
        "issueCertificates",
        AuditActions.CERTIFICATE_ISSUED,
        "batch of " + (requests == null ? 0 : requests.size()) + " requests",
        actor -> {
          requireBatchSize(requests);
          List<CertificateView> certificates = new ArrayList<>(requests.size());
          for (int index = 0; index < requests.size(); index++) {
            IssuanceRequest request = requests.get(index);
            try {
              if (request == null) {
                throw new CaRequestException(MALFORMED_REQUEST, "the request is empty");
              }
              certificates.add(issue(request, actor));
            } catch (CaRequestException refused) {
              throw new BatchRequestException(index, requests.size(), refused);
            }
          }
          return certificates;
        });
  }

  private void requireBatchSize(List<IssuanceRequest> requests) {
    int limit = configuration.maxBatchSize();
    if (requests == null || requests.isEmpty()) {
      throw new CaRequestException(MALFORMED_REQUEST, "the batch holds no request");
    }
    if (requests.size() > limit) {
      throw new CaRequestException(
          BATCH_TOO_LARGE,
          "the batch holds "
              + requests.size()
              + " requests; at most "
              + limit
              + " are accepted in one call: split it into smaller batches");
    }
  }

  /** The checks and issuance of one request, shared by the single and the batch operation. */
  private CertificateView issue(IssuanceRequest application, String actor) {
    return CertificateView.of(vettedIssuance.issue(application, actor));
  }

  @Override
  public DualCertificateView issueDualCertificate(
      byte[] clientCertificate, IssuanceRequest application) {
    return asRaClient(
        clientCertificate,
        "issueDualCertificate",
        AuditActions.CERTIFICATE_ISSUED,
        application.subjectDn(),
        actor -> vettedIssuance.issueDual(application, actor).view());
  }

  @Override
  public List<ProfileView> listProfiles(byte[] clientCertificate) {
    authenticator.authenticate(clientCertificate, "listProfiles");
    return profiles.latestVersions().stream()
        .filter(CertificateProfile::remoteRa)
        .map(ProfileView::of)
        .toList();
  }

  @Override
  public DualCertificateView renewCertificate(
      byte[] clientCertificate, String serial, String pkcs10) {
    return asRaClient(
        clientCertificate,
        "renewCertificate",
        AuditActions.CERTIFICATE_RENEWED,
        "serial=" + serial,
        actor -> {
          return renewal.renew(SerialNumbers.parse(serial), pkcs10, actor);
        });
  }

  @Override
  public DualCertificateView rekeyCertificate(
      byte[] clientCertificate, String serial, String pkcs10, String currentKeySignature) {
    return asRaClient(
        clientCertificate,
        "rekeyCertificate",
        AuditActions.CERTIFICATE_REKEYED,
        "serial=" + serial,
        actor -> {
          return renewal.rekey(
              SerialNumbers.parse(serial), pkcs10, base64OrNull(currentKeySignature), actor);
        });
  }

  /**
   * Authenticates the RA client (refusal audited as DENIED by the authenticator), then runs the
   * operation as {@code ra-client:<name>}; a refused operation leaves one FAILURE audit event.
   */
  private <T> T asRaClient(
      byte[] clientCertificate,
      String operation,
      String action,
      String target,
      Function<String, T> work) {
    RaClient client = authenticator.authenticate(clientCertificate, operation);
    String actor = "ra-client:" + client.getName();
    try {
      return work.apply(actor);
    } catch (CaRequestException refused) {
      auditLog.refusal(actor, action, target, AuditOutcome.FAILURE, refused.getMessage());
      throw refused;
    }
  }

  private static byte[] base64OrNull(String text) {
    try {
      return text == null ? null : java.util.Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  @Override
  public CertificateView revokeCertificate(
      byte[] clientCertificate, String serial, String reason, String initiator) {
    return asRaClient(
        clientCertificate,
        "revokeCertificate",
        AuditActions.CERTIFICATE_REVOKED,
        "serial=" + serial,
        actor -> {
          RevocationReason revocationReason =
              RevocationReason.parse(reason)
                  .filter(r -> r.cpsCondition().isPresent())
                  .orElseThrow(
                      () ->
                          new CaRequestException(
                              INVALID_REVOCATION,
                              "reason '"
                                  + reason
                                  + "' is not a revocation condition of CPS 6.1.4.8.1: give A to J"
                                  + " or a name such as E_KEY_COMPROMISE"));
          RevocationInitiator revocationInitiator =
              RevocationInitiator.parse(initiator)
                  .orElseThrow(
                      () ->
                          new CaRequestException(
                              INVALID_REVOCATION,
                              "initiator '"
                                  + initiator
                                  + "' is not one of HOLDER, RA, CA, RELYING_PARTY,"
                                  + " JUDICIAL_AUTHORITY"));
          return CertificateView.of(
              revoker.revoke(
                  SerialNumbers.parse(serial), revocationReason, revocationInitiator, actor));
        });
  }
}
