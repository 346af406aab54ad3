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
import org.egovca.ca.domain.GeneratedKey;
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
 * signature. SM2 keys are certified by the SM2 issuing CA, RSA keys by the RSA issuing CA (R2). The
 * key is the holder's, from their PKCS#10, or one the CA generates on the applicant's written
 * request (CPS §6.1.4.10.1).
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
  @Inject private GeneratedKeys generatedKeys;

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
    return single(
        certificateProfile,
        application,
        possessedKey(application.pkcs10()),
        actor,
        clientAccountId);
  }

  /**
   * A signing certificate for the key of the request and an encryption certificate for a key pair
   * the KMC makes, escrows and envelopes under the signing key (R3).
   */
  public Issued issueDual(IssuanceRequest application, String actor, Long clientAccountId) {
    CertificateProfile signing = profiles.forRemoteRa(application.profile());
    return dual(signing, application, possessedKey(application.pkcs10()), actor, clientAccountId);
  }

  /**
   * The applicant asked in writing that the CA generate the signing key pair (CPS §6.1.4.10.1): the
   * pair is generated in the token for generated keys ({@link GeneratedKeys}), where its private
   * key waits for the handover to its holder, and certified like a key of a PKCS#10 — with an
   * encryption certificate whose key is enveloped under it when {@code dualCertificate}. What could
   * refuse the request is checked before the key is made; a rollback later destroys it again.
   */
  public Issued issueWithGeneratedKey(
      IssuanceRequest application, KeyAlgorithm algorithm, boolean dualCertificate, String actor) {
    CertificateProfile profile = profiles.forRemoteRa(application.profile());
    if (!profile.keyAlgorithms().contains(algorithm)) {
      throw new Refusal(
          UNSUPPORTED_KEY,
          "profile "
              + profile.name()
              + " does not accept "
              + algorithm.displayName()
              + " keys: it accepts "
              + profile.describeKeyAlgorithms());
    }
    if (dualCertificate && algorithm != KeyAlgorithm.SM2_256) {
      throw new Refusal(UNSUPPORTED_KEY, "dual certificates need an SM2 signing key (GM/T 0009)");
    }
    names.requireFree(SubjectNames.parse(application.subjectDn(), profile), profile);
    issuingCa(dualCertificate ? KeyAlgorithm.SM2_256 : algorithm).requireNotRevoked();
    GeneratedKey key = generatedKeys.generate(algorithm);
    SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(key.getPublicKey());
    Issued issued =
        dualCertificate
            ? dual(profile, application, publicKey, actor, null)
            : new Issued(single(profile, application, publicKey, actor, null), null, null);
    generatedKeys.certify(key, issued.certificate(), actor);
    return issued;
  }

  /** The CA that certifies keys of {@code algorithm}: the SM2 issuing CA, or the RSA CA. */
  private CertificateAuthority issuingCa(KeyAlgorithm algorithm) {
    return certificateAuthorities
        .byName(
            algorithm == KeyAlgorithm.SM2_256
                ? configuration.issuingCaName()
                : configuration.rsaCaName())
        .orElseThrow();
  }

  /** The key of a PKCS#10 that proves its possession. */
  private static SubjectPublicKeyInfo possessedKey(String pkcs10) {
    PKCS10CertificationRequest request = CertificationRequests.parse(pkcs10);
    CertificationRequests.verifyProofOfPossession(request);
    return request.getSubjectPublicKeyInfo();
  }

  private IssuedCertificate single(
      CertificateProfile certificateProfile,
      IssuanceRequest application,
      SubjectPublicKeyInfo key,
      String actor,
      Long clientAccountId) {
    KeyAlgorithm keyAlgorithm = acceptedKey(certificateProfile, key);
    EndEntityContent content = content(certificateProfile, application, key);
    names.requireFree(content.subject(), certificateProfile);
    return issuer.issue(
        issuingCa(keyAlgorithm),
        certificateProfile,
        content,
        actor,
        terms(application, clientAccountId));
  }

  private Issued dual(
      CertificateProfile signing,
      IssuanceRequest application,
      SubjectPublicKeyInfo key,
      String actor,
      Long clientAccountId) {
    CertificateProfile encryption =
        signing
            .encryptionCounterpart()
            .map(profiles::require)
            .orElseThrow(
                () ->
                    new Refusal(
                        UNKNOWN_PROFILE,
                        "profile " + signing.name() + " has no encryption counterpart"));
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
    CertificateIssuer.Reservation reservation = issuer.reserve(ca, encryption);
    KeyManagementCenter.EncryptionKey encryptionKey =
        kmc.issueEncryptionKey(
            SubjectKeys.toPublicKey(key),
            signatureCertificate.getSubjectDn(),
            reservation.serial(),
            reservation.notBefore(),
            reservation.notAfter());
    IssuedCertificate encryptionCertificate =
        issuer.issue(
            ca,
            encryption,
            content(
                encryption,
                application,
                SubjectPublicKeyInfo.getInstance(encryptionKey.subjectPublicKeyInfo())),
            actor,
            terms,
            reservation);
    signatureCertificate.pairWith(encryptionCertificate);
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
