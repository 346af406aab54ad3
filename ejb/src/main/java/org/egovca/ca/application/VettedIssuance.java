package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.INVALID_SUBJECT;
import static org.egovca.ca.domain.RefusalCode.UNKNOWN_PROFILE;
import static org.egovca.ca.domain.RefusalCode.UNSUPPORTED_KEY;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.egovca.ca.application.port.KeyManagementCenter;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IssuanceKind;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.CertificationRequests;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectAltNames;
import org.egovca.ca.x509.SubjectKeys;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Issues what an RA vetted — from the remote RA service or the RA console — inside the caller's
 * transaction: profile, proof of possession, key algorithm, subject and its uniqueness, then the
 * signature. SM2 keys are certified by the SM2 issuing CA, RSA keys by the RSA issuing CA (R2).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class VettedIssuance {

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateIssuer issuer;
  @Inject private CaConfiguration configuration;
  @Inject private KeyManagementCenter kmc;
  @Inject private SubjectNameUniqueness names;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private ApplicationUnitLookup applicationUnits;

  /** A signing certificate, its encryption partner (or null) and the partner's key envelope. */
  public record Issued(
      IssuedCertificate certificate, IssuedCertificate encryption, byte[] envelope) {

    public DualCertificateView view() {
      return new DualCertificateView(
          CertificateView.of(certificate), CertificateView.of(encryption), envelope);
    }
  }

  /**
   * One certificate for the key of the request, in the request's application unit, published in the
   * directory if the holder consented (CPS §6.1.4.4.2).
   *
   * @param clientAccountId the remote RA account the request came through, or null (the console)
   */
  public IssuedCertificate issue(IssuanceRequest application, String actor, Long clientAccountId) {
    CertificateProfile certificateProfile = profiles.forRemoteRa(application.profile());
    PKCS10CertificationRequest request = CertificationRequests.parse(application.pkcs10());
    CertificationRequests.verifyProofOfPossession(request);
    KeyAlgorithm keyAlgorithm = acceptedKey(certificateProfile, request.getSubjectPublicKeyInfo());
    EndEntityContent content =
        content(certificateProfile, application, request.getSubjectPublicKeyInfo());
    names.requireFree(content.subject(), certificateProfile);
    String caName =
        keyAlgorithm == KeyAlgorithm.SM2_256
            ? configuration.issuingCaName()
            : configuration.rsaCaName();
    return issuer.issue(
        certificateAuthorities.byName(caName).orElseThrow(),
        certificateProfile,
        content,
        actor,
        terms(application, clientAccountId));
  }

  /**
   * A signing certificate for the key of the request and an encryption certificate for a key pair
   * the KMC makes, escrows and envelopes under the signing key (R3).
   */
  public Issued issueDual(IssuanceRequest application, String actor, Long clientAccountId) {
    CertificateProfile signing = profiles.forRemoteRa(application.profile());
    CertificateProfile encryption =
        signing
            .encryptionCounterpart()
            .map(profiles::require)
            .orElseThrow(
                () ->
                    new Refusal(
                        UNKNOWN_PROFILE,
                        "profile " + signing.name() + " has no encryption counterpart"));
    PKCS10CertificationRequest request = CertificationRequests.parse(application.pkcs10());
    CertificationRequests.verifyProofOfPossession(request);
    SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
    if (acceptedKey(signing, key) != KeyAlgorithm.SM2_256) {
      throw new Refusal(
          UNSUPPORTED_KEY,
          "a dual-certificate request needs an SM2 signing key: the encryption private key is"
              + " delivered in a GM/T 0009 SM2 envelope under it, and the request has an "
              + SubjectKeys.describe(key));
    }
    EndEntityContent signingContent = content(signing, application, key);
    names.requireFree(signingContent.subject(), signing);
    names.requireFree(signingContent.subject(), encryption);
    CertificateAuthority ca =
        certificateAuthorities.byName(configuration.issuingCaName()).orElseThrow();
    IssuanceTerms terms = terms(application, clientAccountId);
    IssuedCertificate signatureCertificate =
        issuer.issue(ca, signing, signingContent, actor, terms);
    KeyManagementCenter.EncryptionKey encryptionKey =
        kmc.issueEncryptionKey(SubjectKeys.toPublicKey(key), signatureCertificate.getSubjectDn());
    IssuedCertificate encryptionCertificate =
        issuer.issue(
            ca,
            encryption,
            content(
                encryption,
                application,
                SubjectPublicKeyInfo.getInstance(encryptionKey.subjectPublicKeyInfo())),
            actor,
            terms);
    signatureCertificate.pairWith(encryptionCertificate);
    kmc.bindCertificate(encryptionKey.escrowReference(), encryptionCertificate.getId());
    return new Issued(
        signatureCertificate, encryptionCertificate, encryptionKey.envelopedPrivateKey());
  }

  private IssuanceTerms terms(IssuanceRequest application, Long clientAccountId) {
    Long unit =
        application.applicationUnit() == null
            ? null
            : applicationUnits.idOf(application.applicationUnit());
    return new IssuanceTerms(
        IssuanceKind.ISSUE, application.directoryConsent(), unit, clientAccountId);
  }

  /**
   * The holder as the certificate will name it: what the RA vetted (subject DN, subjectAltNames,
   * identifiers) and {@code key}.
   */
  private EndEntityContent content(
      CertificateProfile profile, IssuanceRequest application, SubjectPublicKeyInfo key) {
    EndEntityContent content =
        new EndEntityContent(
            SubjectNames.parse(application.subjectDn(), profile),
            key,
            SubjectAltNames.parse(application.subjectAltNames()),
            HolderIdentifiers.check(application.identifiers(), profile));
    SubjectAltNames.namedHost(content, configuration.hostName())
        .ifPresent(
            name -> {
              throw new Refusal(
                  INVALID_SUBJECT,
                  "a holder's certificate may not name this CA's own host ("
                      + name
                      + "): its holder could stand in for the CA's HTTPS service, which its"
                      + " callers trust through the same RSA CA");
            });
    return content;
  }

  private static KeyAlgorithm acceptedKey(CertificateProfile profile, SubjectPublicKeyInfo key) {
    return SubjectKeys.algorithmOf(key)
        .filter(profile.keyAlgorithms()::contains)
        .orElseThrow(
            () ->
                new Refusal(
                    UNSUPPORTED_KEY,
                    "the request's "
                        + SubjectKeys.describe(key)
                        + " is not accepted by profile "
                        + profile.name()
                        + ": it accepts "
                        + profile.describeKeyAlgorithms()));
  }
}
