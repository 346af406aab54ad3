package org.egovca.ca.application;

import jakarta.ejb.Local;
import java.util.List;
import org.egovca.ca.domain.BatchRefusal;
import org.egovca.ca.domain.Refusal;

/**
 * What a remote RA system (CPS §7.3.2: remote RA, local acceptance points) may ask of the CA. The
 * caller is identified by its TLS client certificate, checked here, not by the interface. An RA
 * acts within its scope: it places certificates only into the application units it is authorised
 * for, and renews, re-keys and revokes only the certificates requested through its own account;
 * anything else is refused as NOT_AUTHORIZED and audited as denied.
 */
@Local
public interface RemoteRaService {

  /**
   * Issues a certificate for an application the RA has vetted, under the latest version of its
   * profile.
   *
   * @param clientCertificate DER of the TLS client certificate the caller presented, or null
   * @return the issued certificate
   * @throws Refusal when the caller is not authorised or the request is refused
   */
  CertificateView issueCertificate(byte[] clientCertificate, IssuanceRequest request);

  /**
   * Issues a batch of certificates in one transaction, all or none: each request gets the checks of
   * {@link #issueCertificate}; the first refused request refuses the whole batch with a {@link
   * BatchRefusal} naming its index, and nothing is written.
   *
   * @param requests at least one and at most the configured batch size ({@code
   *     egovca.ra.maxBatchSize}, 1,000 by default)
   * @return the certificates in the order of the requests
   */
  List<CertificateView> issueCertificates(byte[] clientCertificate, List<IssuanceRequest> requests);

  /**
   * Issues a holder's signing certificate from the PKCS#10 and, with a key pair from the KMC, the
   * matching encryption certificate (CPS §6.1.4.10). The signing key must be SM2: the encryption
   * private key is delivered in a GM/T 0009 SM2 envelope under it.
   *
   * @param request names the signing profile, for example {@code personal-sign}
   */
  DualCertificateView issueDualCertificate(byte[] clientCertificate, IssuanceRequest request);

  /** The latest version of every profile the RA may request. */
  List<ProfileView> listProfiles(byte[] clientCertificate);

  /**
   * Renews a certificate online (CPS §6.1.4.6): new validity, same key and registration data.
   *
   * @param serial the certificate to renew (hexadecimal); of a pair, the signing certificate
   * @param pkcs10 a request carrying the certificate's public key, signed with its private key
   * @param proof the holder's fresh {@link org.egovca.ca.x509.RenewalProof} statement for RENEW
   * @param proofSignature its base64 signature with the certificate's private key (SM3withSM2 with
   *     the default user ID, or SHA256withRSA)
   */
  DualCertificateView renewCertificate(
      byte[] clientCertificate, String serial, String pkcs10, String proof, String proofSignature);

  /**
   * Re-keys a certificate (CPS §6.1.4.7): a new key, the same registration data.
   *
   * @param pkcs10 a request for the new key (signed with the new key)
   * @param proof the holder's fresh renewal proof statement for REKEY, naming this request
   * @param proofSignature its base64 signature with the current certificate's private key
   */
  DualCertificateView rekeyCertificate(
      byte[] clientCertificate, String serial, String pkcs10, String proof, String proofSignature);

  /**
   * Revokes a certificate (CPS §6.1.4.8) on behalf of the initiator the RA names.
   *
   * @param serial the certificate serial number in hexadecimal (colons and a 0x prefix allowed)
   * @param reason the CPS §6.1.4.8.1 condition: its letter A–J or its name such as {@code
   *     E_KEY_COMPROMISE}
   * @param initiator HOLDER, RA, CA, RELYING_PARTY or JUDICIAL_AUTHORITY (§6.1.4.8.2)
   * @return the certificate as revoked
   */
  CertificateView revokeCertificate(
      byte[] clientCertificate, String serial, String reason, String initiator);
}
