package org.egovca.ra.application;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import org.egovca.ra.domain.FeeStatus;
import org.egovca.ra.domain.validation.DnValue;
import org.egovca.ra.domain.validation.HostNames;
import org.egovca.ra.domain.validation.IdDocument;
import org.egovca.ra.domain.validation.OrganisationCode;
import org.egovca.ra.domain.validation.Text;

/**
 * What the entry clerk types for a new certificate application (CPS §6.1.4.1, §7.1.3): the profile
 * (its certificate type follows), whether an encryption certificate goes with it, the subject's
 * name attributes, the holder's PKCS#10 (or the applicant's written request that the CA generate
 * the key pair), the applicant's identity data, consent, agreement and fee. The console binds its
 * inputs to these properties directly, and {@link ApplicationDesk#submit} checks the constraints
 * written here; what depends on the profile (which identity data a type of certificate needs, which
 * host names it may carry) {@link NewCertificateEntry} checks.
 */
@IdDocument(type = "idDocumentType", number = "idDocumentNumber")
@IdDocument(type = "agentIdDocumentType", number = "agentIdDocumentNumber", holder = "agentName")
public class ApplicationForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The certificate profile's name; its certificate type follows. */
  private String profile;

  /** Whether an encryption certificate goes with the signing certificate. */
  private boolean dualCertificate;

  @NotBlank(message = "{field.required}")
  @Text(max = 64)
  @DnValue
  private String commonName;

  @Text(max = 64)
  @DnValue
  private String organisationalUnit;

  @Text(max = 64)
  @DnValue
  private String organisation;

  @Text(max = 64)
  @DnValue
  private String locality;

  @Text(max = 64)
  @DnValue
  private String province;

  /** Two capital letters; blank for CN. */
  @Text(max = 2)
  @Pattern(regexp = "\\s*([A-Z]{2})?\\s*", message = "{application.country}")
  private String country;

  /** For device certificates, host names or IP addresses, one per line. */
  @Text(max = 2048, lines = true)
  @HostNames
  private String dnsNames;

  /**
   * Whether the applicant asked in writing that the CA generate the signing key pair (CPS
   * §6.1.4.10.1); the written request is then among the documents, and there is no PKCS#10.
   */
  private boolean keyGenerationRequested;

  /** The type of key pair the CA generates: a {@code KeyAlgorithm} name, SM2_256 by default. */
  @Text(max = 16)
  private String generatedKeyAlgorithm;

  /** The holder's certification request (PEM or base64), unless the CA generates the key. */
  @Text(max = 8192, lines = true)
  private String pkcs10;

  @NotBlank(message = "{field.required}")
  @Text(max = 128)
  private String applicantName;

  /** An {@code IdentifierKind} name: RESIDENT_ID_CARD, PASSPORT, …. */
  @Text(max = 32)
  private String idDocumentType;

  @Text(max = 32)
  private String idDocumentNumber;

  @Text(max = 128)
  private String organisationName;

  /** Unified social credit code (18 characters) or organisation code (9). */
  @Text(max = 32)
  @OrganisationCode
  private String organisationCode;

  @Text(max = 32)
  @Pattern(regexp = "\\s*[0-9A-Za-z-]*\\s*", message = "{applicant.licence}")
  private String businessLicenceNumber;

  /** The agent applying for the holder, or blank. */
  @Text(max = 128)
  private String agentName;

  @Text(max = 32)
  private String agentIdDocumentType;

  @Text(max = 32)
  private String agentIdDocumentNumber;

  @NotBlank(message = "{field.required}")
  @Text(max = 254)
  @Pattern(regexp = FormPatterns.EMAIL, message = "{field.email}")
  private String email;

  @Text(max = 32)
  @Pattern(regexp = FormPatterns.PHONE, message = "{field.phone}")
  private String phone;

  /** Whether the applicant consents to the certificate being published in the directory. */
  private boolean directoryConsent;

  /** The holder agreement (CPS §6.1.4.2.1). */
  @AssertTrue(message = "{application.agreement}")
  private boolean agreementAccepted;

  /** Paid or waived for a complete application (CPS §6.1.4.2.1). */
  private FeeStatus feeStatus;

  /** Code of the application unit the certificate is for, or blank. */
  private String applicationUnit;

  public String getProfile() {
    return profile;
  }

  public void setProfile(String profile) {
    this.profile = profile;
  }

  public boolean isDualCertificate() {
    return dualCertificate;
  }

  public void setDualCertificate(boolean dualCertificate) {
    this.dualCertificate = dualCertificate;
  }

  public String getCommonName() {
    return commonName;
  }

  public void setCommonName(String commonName) {
    this.commonName = commonName;
  }

  public String getOrganisationalUnit() {
    return organisationalUnit;
  }

  public void setOrganisationalUnit(String organisationalUnit) {
    this.organisationalUnit = organisationalUnit;
  }

  public String getOrganisation() {
    return organisation;
  }

  public void setOrganisation(String organisation) {
    this.organisation = organisation;
  }

  public String getLocality() {
    return locality;
  }

  public void setLocality(String locality) {
    this.locality = locality;
  }

  public String getProvince() {
    return province;
  }

  public void setProvince(String province) {
    this.province = province;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getDnsNames() {
    return dnsNames;
  }

  public void setDnsNames(String dnsNames) {
    this.dnsNames = dnsNames;
  }

  public boolean isKeyGenerationRequested() {
    return keyGenerationRequested;
  }

  public void setKeyGenerationRequested(boolean keyGenerationRequested) {
    this.keyGenerationRequested = keyGenerationRequested;
  }

  public String getGeneratedKeyAlgorithm() {
    return generatedKeyAlgorithm;
  }

  public void setGeneratedKeyAlgorithm(String generatedKeyAlgorithm) {
    this.generatedKeyAlgorithm = generatedKeyAlgorithm;
  }

  public String getPkcs10() {
    return pkcs10;
  }

  public void setPkcs10(String pkcs10) {
    this.pkcs10 = pkcs10;
  }

  public String getApplicantName() {
    return applicantName;
  }

  public void setApplicantName(String applicantName) {
    this.applicantName = applicantName;
  }

  public String getIdDocumentType() {
    return idDocumentType;
  }

  public void setIdDocumentType(String idDocumentType) {
    this.idDocumentType = idDocumentType;
  }

  public String getIdDocumentNumber() {
    return idDocumentNumber;
  }

  public void setIdDocumentNumber(String idDocumentNumber) {
    this.idDocumentNumber = idDocumentNumber;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public void setOrganisationName(String organisationName) {
    this.organisationName = organisationName;
  }

  public String getOrganisationCode() {
    return organisationCode;
  }

  public void setOrganisationCode(String organisationCode) {
    this.organisationCode = organisationCode;
  }

  public String getBusinessLicenceNumber() {
    return businessLicenceNumber;
  }

  public void setBusinessLicenceNumber(String businessLicenceNumber) {
    this.businessLicenceNumber = businessLicenceNumber;
  }

  public String getAgentName() {
    return agentName;
  }

  public void setAgentName(String agentName) {
    this.agentName = agentName;
  }

  public String getAgentIdDocumentType() {
    return agentIdDocumentType;
  }

  public void setAgentIdDocumentType(String agentIdDocumentType) {
    this.agentIdDocumentType = agentIdDocumentType;
  }

  public String getAgentIdDocumentNumber() {
    return agentIdDocumentNumber;
  }

  public void setAgentIdDocumentNumber(String agentIdDocumentNumber) {
    this.agentIdDocumentNumber = agentIdDocumentNumber;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public boolean isDirectoryConsent() {
    return directoryConsent;
  }

  public void setDirectoryConsent(boolean directoryConsent) {
    this.directoryConsent = directoryConsent;
  }

  public boolean isAgreementAccepted() {
    return agreementAccepted;
  }

  public void setAgreementAccepted(boolean agreementAccepted) {
    this.agreementAccepted = agreementAccepted;
  }

  public FeeStatus getFeeStatus() {
    return feeStatus;
  }

  public void setFeeStatus(FeeStatus feeStatus) {
    this.feeStatus = feeStatus;
  }

  public String getApplicationUnit() {
    return applicationUnit;
  }

  public void setApplicationUnit(String applicationUnit) {
    this.applicationUnit = applicationUnit;
  }
}
