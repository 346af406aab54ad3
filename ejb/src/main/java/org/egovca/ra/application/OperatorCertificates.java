package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.CertificateIssuer;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.ClientCredentialKeys;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.x509.CertificationRequests;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectNames;

/**
 * Issues operators' login certificates: TLS client certificates of the RSA CA, whose certificate
 * the HTTPS listener trusts for client authentication. The subject is fixed by the account ({@code
 * CN=<user name>, OU=Operators}), whatever the request says. They are not published in the
 * directory: they serve this system's login only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OperatorCertificates {

  @Inject private CertificateIssuer issuer;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private CaConfiguration configuration;
  @Inject private ClientCredentialKeys keys;

  /**
   * Issues a certificate for the key of {@code requestPem} after checking its proof of possession.
   */
  public IssuedCertificate issue(String username, String requestPem, String actor) {
    return issue(username, check(requestPem).getSubjectPublicKeyInfo(), actor);
  }

  /**
   * The operator's request, parsed, with its proof of possession checked and a key that opens no
   * other account.
   *
   * @throws Refusal naming the certificateRequest field
   */
  public PKCS10CertificationRequest check(String requestPem) {
    FormText.lines("certificateRequest", requestPem, 8192, true);
    try {
      PKCS10CertificationRequest request = CertificationRequests.parse(requestPem);
      CertificationRequests.verifyProofOfPossession(request);
      keys.requireUnused(request.getSubjectPublicKeyInfo());
      return request;
    } catch (Refusal refused) {
      throw refused.onField("certificateRequest", "operator.request");
    }
  }

  public IssuedCertificate issue(String username, SubjectPublicKeyInfo key, String actor) {
    CertificateProfile profile = profiles.require(CertificateProfiles.TLS_CLIENT);
    CertificateAuthority ca =
        certificateAuthorities.byName(configuration.rsaCaName()).orElseThrow();
    try {
      return issuer.issue(
          ca,
          profile,
          new EndEntityContent(
              SubjectNames.parse(subjectOf(username), profile), key, List.of(), List.of()),
          actor,
          IssuanceTerms.unpublished());
    } catch (Refusal refused) {
      if (refused.code() == RefusalCode.TOKEN_OFFLINE) {
        throw refused; // the CA's state, not the request's fault: shown as it is
      }
      throw refused.onField("certificateRequest", "operator.request");
    }
  }

  /** The TLS CA's certificate, which browsers need beside the operator's own. */
  public byte[] tlsCaCertificate() {
    return certificateAuthorities.byName(configuration.rsaCaName()).orElseThrow().getEncoded();
  }

  static String subjectOf(String username) {
    return "CN=" + username + ",OU=Operators,O=iFutureCA,C=CN";
  }
}
