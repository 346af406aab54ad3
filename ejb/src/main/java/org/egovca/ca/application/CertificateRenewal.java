package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.RENEWAL_REFUSED;
import static org.egovca.ca.domain.RefusalCode.UNSUPPORTED_KEY;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.port.KeyManagementCenter;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IdentityEdition;
import org.egovca.ca.domain.IssuanceKind;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.KeyPurpose;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RenewalWindow;
import org.egovca.ca.x509.CertificationRequests;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.IdentityExtensions;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ca.x509.SubjectKeys;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Online renewal (CPS §6.1.4.6: same key and registration data, new validity) and re-key (§6.1.4.7:
 * a new key), each proven with a fresh {@link RenewalProof} signed with the current private key and
 * bound to the certificate and the request. The holder's signing/encryption pair stays a pair:
 * renewing the signing certificate re-certifies the escrowed encryption key, re-keying it fetches a
 * new encryption key from the KMC. Old certificates stay valid until they expire or are revoked.
 * One transaction and one audit event per call; callers have authorised the request.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CertificateRenewal {

  @Inject private IssuedCertificates certificates;
  @Inject private CertificateIssuer issuer;
  @Inject private KeyManagementCenter kmc;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;
  @Inject private CertificateProfileCatalogue profiles;

  @Inject private Clock clock;

  /**
   * Renews the certificate {@code serial} for the request, which must carry the same key; the proof
   * (whose freshness the caller checked) must be bound to both and signed with that key.
   */
  public DualCertificateView renew(
      BigInteger serial, String pkcs10, RenewalProof proof, String actor) {
    IssuedCertificate current = signingCertificate(serial);
    new RenewalWindow(configuration.renewalWindow())
        .refusesRenewal(current, clock.instant())
        .ifPresent(reason -> refuse(reason));
    PKCS10CertificationRequest request = CertificationRequests.parse(pkcs10);
    SubjectPublicKeyInfo key = holder(current).getSubjectPublicKeyInfo();
    if (!key.equals(request.getSubjectPublicKeyInfo())) {
      refuse(
          "a renewal keeps the key: the request must carry the public key of certificate "
              + current.getSerialNumberHex()
              + " (use re-key for a new key)");
    }
    CertificationRequests.verifyProofOfPossession(request);
    requireProof(current, request, proof, RenewalProof.Operation.RENEW);
    IssuedCertificate renewed = reissue(current, key, actor, IssuanceKind.RENEW);
    IssuedCertificate encryption = current.getPairedCertificate();
    IssuedCertificate renewedEncryption = null;
    if (encryption != null) {
      renewedEncryption =
          reissue(
              encryption, holder(encryption).getSubjectPublicKeyInfo(), actor, IssuanceKind.RENEW);
      renewed.pairWith(renewedEncryption);
    }
    audit(AuditAction.CERTIFICATE_RENEWED, actor, current, renewed);
    return view(renewed, renewedEncryption, null);
  }

  /**
   * Re-keys the certificate {@code serial}: {@code pkcs10} proves possession of the new key and the
   * proof (whose freshness the caller checked), signed with the current key and bound to this
   * request, proves possession of the current one.
   */
  public DualCertificateView rekey(
      BigInteger serial, String pkcs10, RenewalProof proof, String actor) {
    IssuedCertificate current = signingCertificate(serial);
    new RenewalWindow(configuration.renewalWindow())
        .refusesRekey(current, clock.instant())
        .ifPresent(reason -> refuse(reason));
    PKCS10CertificationRequest request = CertificationRequests.parse(pkcs10);
    CertificationRequests.verifyProofOfPossession(request);
    SubjectPublicKeyInfo newKey = request.getSubjectPublicKeyInfo();
    if (newKey.equals(holder(current).getSubjectPublicKeyInfo())) {
      refuse("a re-key needs a new key: the request carries the current one (use renewal)");
    }
    CertificateProfile profile = profiles.require(current.getProfile());
    KeyAlgorithm algorithm =
        SubjectKeys.algorithmOf(newKey)
            .filter(profile.keyAlgorithms()::contains)
            .orElseThrow(
                () ->
                    new Refusal(
                        UNSUPPORTED_KEY,
                        "the new "
                            + SubjectKeys.describe(newKey)
                            + " is not accepted by profile "
                            + profile.name()));
    requireProof(current, request, proof, RenewalProof.Operation.REKEY);
    IssuedCertificate rekeyed =
        issuer.issue(
            current.getIssuer(),
            profile,
            carriedOver(current, newKey),
            actor,
            IssuanceTerms.successorOf(current, IssuanceKind.REKEY));
    IssuedCertificate encryption = current.getPairedCertificate();
    IssuedCertificate newEncryption = null;
    byte[] envelope = null;
    if (encryption != null) {
      if (algorithm != KeyAlgorithm.SM2_256) {
        throw new Refusal(
            UNSUPPORTED_KEY,
            "the holder has an encryption certificate: the new signing key must be SM2 to"
                + " receive the GM/T 0009 envelope of the new encryption key");
      }
      EncryptionRekey rekeyedEncryption = rekeyEncryption(encryption, current, newKey, actor);
      newEncryption = rekeyedEncryption.certificate();
      rekeyed.pairWith(newEncryption);
      envelope = rekeyedEncryption.envelope();
    }
    audit(AuditAction.CERTIFICATE_REKEYED, actor, current, rekeyed);
    return view(rekeyed, newEncryption, envelope);
  }

  /** A re-keyed pair's new encryption certificate and the envelope of its private key. */
  private record EncryptionRekey(IssuedCertificate certificate, byte[] envelope) {}

  /** A new encryption key pair from the KMC, for {@code newKey}, and its certificate. */
  private EncryptionRekey rekeyEncryption(
      IssuedCertificate encryption,
      IssuedCertificate current,
      SubjectPublicKeyInfo newKey,
      String actor) {
    CertificateProfile encryptionProfile = profiles.require(encryption.getProfile());
    CertificateIssuer.Reservation reservation =
        issuer.reserve(encryption.getIssuer(), encryptionProfile);
    KeyManagementCenter.EncryptionKey key =
        kmc.issueEncryptionKey(
            SubjectKeys.toPublicKey(newKey),
            current.getSubjectDn(),
            reservation.serial(),
            reservation.notBefore(),
            reservation.notAfter());
    IssuedCertificate certificate =
        issuer.issue(
            encryption.getIssuer(),
            encryptionProfile,
            carriedOver(encryption, SubjectPublicKeyInfo.getInstance(key.subjectPublicKeyInfo())),
            actor,
            IssuanceTerms.successorOf(encryption, IssuanceKind.REKEY),
            reservation);
    return new EncryptionRekey(certificate, key.envelopedPrivateKey());
  }

  /** The certificate to renew or re-key: of a pair, the holder names the signing one. */
  private IssuedCertificate signingCertificate(BigInteger serial) {
    IssuedCertificate current = certificates.find(serial);
    if (profiles.require(current.getProfile()).purpose() == KeyPurpose.ENCRYPTION) {
      refuse(
          "certificate "
              + current.getSerialNumberHex()
              + " is an encryption certificate: renew or re-key the signing certificate of the"
              + " pair, and the encryption certificate follows");
    }
    return current;
  }

  private IssuedCertificate reissue(
      IssuedCertificate current, SubjectPublicKeyInfo key, String actor, IssuanceKind kind) {
    return issuer.issue(
        current.getIssuer(),
        profiles.require(current.getProfile()),
        carriedOver(current, key),
        actor,
        IssuanceTerms.successorOf(current, kind));
  }

  /**
   * Refuses a renewal or re-key whose proof is not bound to the certificate {@code serial}, the
   * operation and {@code pkcs10}, or not signed with the certificate's key.
   */
  public void requireProof(
      BigInteger serial, String pkcs10, RenewalProof proof, RenewalProof.Operation operation) {
    requireProof(signingCertificate(serial), CertificationRequests.parse(pkcs10), proof, operation);
  }

  private static void requireProof(
      IssuedCertificate current,
      PKCS10CertificationRequest request,
      RenewalProof proof,
      RenewalProof.Operation operation) {
    proof.requireBoundTo(operation, current.getSerialNumber(), encoded(request));
    proof.requireSignedBy(holder(current).getSubjectPublicKeyInfo(), current.getSerialNumberHex());
  }

  private void audit(
      AuditAction action, String actor, IssuedCertificate current, IssuedCertificate replacement) {
    auditLog.success(
        actor,
        action,
        current.getSubjectDn(),
        "serial="
            + replacement.getSerialNumberHex()
            + " replaces="
            + current.getSerialNumberHex()
            + " ca="
            + current.getIssuer().getName());
  }

  private static X509CertificateHolder holder(IssuedCertificate certificate) {
    return CertificateAuthorities.holder(certificate.getEncoded());
  }

  /**
   * The registration data of {@code certificate} (subject, subjectAltNames, identifiers read under
   * the profile version it was issued with) for {@code key}: renewal and re-key keep them.
   */
  private EndEntityContent carriedOver(IssuedCertificate certificate, SubjectPublicKeyInfo key) {
    CertificateProfile current = profiles.require(certificate.getProfile());
    X509CertificateHolder holder = holder(certificate);
    GeneralNames names =
        GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
    IdentityEdition edition =
        profiles
            .version(certificate.getProfile(), certificate.getProfileVersion())
            .map(profile -> profile.identity().edition())
            .orElse(IdentityEdition.NONE);
    return new EndEntityContent(
        holder.getSubject(),
        key,
        names == null ? List.of() : List.of(names.getNames()),
        // Checked against the profile version in force now, which may differ from the one the
        // certificate was issued under.
        HolderIdentifiers.check(
            IdentityExtensions.decode(edition, holder.getExtensions()).stream()
                .map(id -> new RequestedIdentifier(id.kind().name(), id.value()))
                .toList(),
            current));
  }

  private static byte[] encoded(PKCS10CertificationRequest request) {
    try {
      return request.getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot encode a parsed request", e);
    }
  }

  private static DualCertificateView view(
      IssuedCertificate signing, IssuedCertificate encryption, byte[] envelope) {
    return new DualCertificateView(
        CertificateView.of(signing),
        encryption == null ? null : CertificateView.of(encryption),
        envelope);
  }

  private static void refuse(String reason) {
    throw new Refusal(RENEWAL_REFUSED, reason);
  }
}
