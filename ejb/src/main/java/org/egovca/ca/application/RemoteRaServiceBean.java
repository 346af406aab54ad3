package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.BATCH_TOO_LARGE;
import static org.egovca.ca.domain.RefusalCode.CA_REVOKED;
import static org.egovca.ca.domain.RefusalCode.INVALID_REVOCATION;
import static org.egovca.ca.domain.RefusalCode.MALFORMED_REQUEST;
import static org.egovca.ca.domain.RefusalCode.NOT_AUTHORIZED;
import static org.egovca.ca.domain.RefusalCode.TOKEN_OFFLINE;
import static org.egovca.ca.domain.RefusalCode.UNKNOWN_CERTIFICATE;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.BatchRefusal;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.x509.RenewalProof;

/**
 * The remote RA service in the EJB layer, one transaction per call: authenticate the remote RA,
 * keep it within its scope (its application units, the certificates requested through it), check
 * the request against the profile (proof of possession, key, subject), sign, record. A refusal
 * rolls everything back and leaves one audit event that says why: DENIED for a caller out of its
 * scope, FAILURE for a bad request or a CA whose token waits for its key custodians (TOKEN_OFFLINE,
 * for a batch as a whole: no request of it is at fault).
 */
@Stateless
public class RemoteRaServiceBean implements RemoteRaService {

  @Inject private ClientAuthenticator authenticator;
  @Inject private VettedIssuance vettedIssuance;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;
  @Inject private CertificateRevoker revoker;
  @Inject private CertificateRenewal renewal;
  @Inject private RenewalProofs renewalProofs;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private IssuedCertificates issuedCertificates;
  @Inject private ApplicationUnitLookup applicationUnits;

  @Override
  public CertificateView issueCertificate(byte[] clientCertificate, IssuanceRequest request) {
    return asRemoteRa(
        clientCertificate,
        "issueCertificate",
        AuditAction.CERTIFICATE_ISSUED,
        request == null ? null : request.subjectDn(),
        client -> issue(request, client));
  }

  @Override
  public List<CertificateView> issueCertificates(
      byte[] clientCertificate, List<IssuanceRequest> requests) {
    return asRemoteRa(
        clientCertificate,
        "issueCertificates",
        AuditAction.CERTIFICATE_ISSUED,
        "batch of " + (requests == null ? 0 : requests.size()) + " requests",
        client -> {
          requireBatchSize(requests);
          List<CertificateView> certificates = new ArrayList<>(requests.size());
          for (int index = 0; index < requests.size(); index++) {
            IssuanceRequest request = requests.get(index);
            try {
              if (request == null) {
                throw new Refusal(MALFORMED_REQUEST, "the request is empty");
              }
              certificates.add(issue(request, client));
            } catch (Refusal refused) {
              if (refused.code() == TOKEN_OFFLINE || refused.code() == CA_REVOKED) {
                // the CA cannot sign any request of the batch: a refusal of the batch as a whole
                throw refused;
              }
              throw new BatchRefusal(index, requests.size(), refused);
            }
          }
          return certificates;
        });
  }

  private void requireBatchSize(List<IssuanceRequest> requests) {
    int limit = configuration.maxBatchSize();
    if (requests == null || requests.isEmpty()) {
      throw new Refusal(MALFORMED_REQUEST, "the batch holds no request");
    }
    if (requests.size() > limit) {
      throw new Refusal(
          BATCH_TOO_LARGE,
          "the batch holds "
              + requests.size()
              + " requests; at most "
              + limit
              + " are accepted in one call: split it into smaller batches");
    }
  }

  /** The checks and issuance of one request, shared by the single and the batch operation. */
  private CertificateView issue(IssuanceRequest application, ClientAccount client) {
    requireUnit(application, client);
    return CertificateView.of(vettedIssuance.issue(application, actor(client), client.getId()));
  }

  @Override
  public DualCertificateView issueDualCertificate(
      byte[] clientCertificate, IssuanceRequest application) {
    return asRemoteRa(
        clientCertificate,
        "issueDualCertificate",
        AuditAction.CERTIFICATE_ISSUED,
        application == null ? null : application.subjectDn(),
        client -> {
          requireUnit(application, client);
          return vettedIssuance.issueDual(application, actor(client), client.getId()).view();
        });
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
      byte[] clientCertificate, String serial, String pkcs10, String proof, String proofSignature) {
    return asRemoteRa(
        clientCertificate,
        "renewCertificate",
        AuditAction.CERTIFICATE_RENEWED,
        "serial=" + serial,
        client -> {
          IssuedCertificate current = inScope(serial, client);
          requireUnitOf(current, client);
          RenewalProof renewalProof = RenewalProof.parse(proof, proofSignature);
          renewalProofs.accept(renewalProof);
          return renewal.renew(current.getSerialNumber(), pkcs10, renewalProof, actor(client));
        });
  }

  @Override
  public DualCertificateView rekeyCertificate(
      byte[] clientCertificate, String serial, String pkcs10, String proof, String proofSignature) {
    return asRemoteRa(
        clientCertificate,
        "rekeyCertificate",
        AuditAction.CERTIFICATE_REKEYED,
        "serial=" + serial,
        client -> {
          IssuedCertificate current = inScope(serial, client);
          requireUnitOf(current, client);
          RenewalProof renewalProof = RenewalProof.parse(proof, proofSignature);
          renewalProofs.accept(renewalProof);
          return renewal.rekey(current.getSerialNumber(), pkcs10, renewalProof, actor(client));
        });
  }

  @Override
  public CertificateView revokeCertificate(
      byte[] clientCertificate, String serial, String reason, String initiator) {
    return asRemoteRa(
        clientCertificate,
        "revokeCertificate",
        AuditAction.CERTIFICATE_REVOKED,
        "serial=" + serial,
        client -> {
          IssuedCertificate certificate = inScope(serial, client);
          RevocationReason revocationReason =
              RevocationReason.parse(reason)
                  .filter(r -> r.cpsCondition().isPresent())
                  .orElseThrow(
                      () ->
                          new Refusal(
                              INVALID_REVOCATION,
                              "reason '"
                                  + reason
                                  + "' is not a revocation condition of CPS 6.1.4.8.1: give A to J"
                                  + " or a name such as E_KEY_COMPROMISE"));
          RevocationInitiator revocationInitiator =
              RevocationInitiator.parse(initiator)
                  .orElseThrow(
                      () ->
                          new Refusal(
                              INVALID_REVOCATION,
                              "initiator '"
                                  + initiator
                                  + "' is not one of HOLDER, RA, CA, RELYING_PARTY,"
                                  + " JUDICIAL_AUTHORITY"));
          return CertificateView.of(
              revoker.revoke(
                  certificate.getSerialNumber(),
                  revocationReason,
                  revocationInitiator,
                  actor(client)));
        });
  }

  /**
   * The certificate {@code serial}, if it was requested through {@code client}'s account: an RA
   * never reaches another RA's certificates, nor this system's own (TLS, OCSP responders, RA and
   * e-gov system credentials, operators' login certificates), which no RA requests.
   */
  private IssuedCertificate inScope(String serial, ClientAccount client) {
    BigInteger parsed = SerialNumbers.parse(serial);
    if (parsed == null) {
      throw new Refusal(
          UNKNOWN_CERTIFICATE,
          "serialNumber must be a positive hexadecimal certificate serial number");
    }
    IssuedCertificate certificate = issuedCertificates.find(parsed);
    boolean holder = profiles.require(certificate.getProfile()).type().isHolderCertificate();
    if (!holder || !Objects.equals(certificate.getClientAccountId(), client.getId())) {
      throw new Refusal(
          NOT_AUTHORIZED,
          "certificate "
              + certificate.getSerialNumberHex()
              + " was not requested through the RA account "
              + client.getName()
              + ": an RA renews, re-keys and revokes only the certificates it requested");
    }
    return certificate;
  }

  /** An RA places certificates only into the application units it is authorised for (R19). */
  private void requireUnit(IssuanceRequest application, ClientAccount client) {
    if (application.applicationUnit() != null) {
      requireUnit(applicationUnits.idOf(application.applicationUnit()), client);
    }
  }

  /**
   * A renewal or re-key stays in the unit of the certificate it replaces: only an RA authorised for
   * that unit now may ask for it (a revocation it may still ask for).
   */
  private void requireUnitOf(IssuedCertificate current, ClientAccount client) {
    if (current.getApplicationUnitId() != null) {
      requireUnit(current.getApplicationUnitId(), client);
    }
  }

  private void requireUnit(long unit, ClientAccount client) {
    if (!client.mayIssueFor(unit)) {
      throw new Refusal(
          NOT_AUTHORIZED,
          "the RA account "
              + client.getName()
              + " may not issue certificates for the application unit "
              + applicationUnits.codeOf(unit));
    }
  }

  /**
   * Authenticates the remote RA (refusal audited as DENIED by the authenticator), then runs the
   * operation; a refused operation leaves one audit event, DENIED when the RA acted out of its
   * scope and FAILURE otherwise.
   */
  private <T> T asRemoteRa(
      byte[] clientCertificate,
      String operation,
      AuditAction action,
      String target,
      Function<ClientAccount, T> work) {
    ClientAccount client = authenticator.authenticate(clientCertificate, operation);
    try {
      return work.apply(client);
    } catch (Refusal refused) {
      auditLog.refusal(
          actor(client),
          action,
          target,
          refused.code() == NOT_AUTHORIZED ? AuditOutcome.DENIED : AuditOutcome.FAILURE,
          refused.getMessage());
      throw refused;
    }
  }

  private static String actor(ClientAccount remoteRa) {
    return RemoteRaRegistry.qualifiedName(remoteRa.getName());
  }
}
