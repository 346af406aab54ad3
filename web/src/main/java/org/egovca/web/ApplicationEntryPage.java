package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.egovca.ra.application.ApplicationDesk;
import org.egovca.ra.application.ApplicationForm;
import org.egovca.ra.application.ApplicationUnitView;
import org.egovca.ra.application.DocumentUpload;
import org.egovca.ra.application.ProfileChoice;
import org.egovca.ra.domain.FeeStatus;

/**
 * Entering a new certificate application (CPS §6.1.4.1): the entry clerk's form, handed as one
 * {@link ApplicationForm} with its scanned documents to {@link ApplicationDesk#submit}. A refused
 * form stays filled in, its documents stay attached, and each problem shows next to its field.
 */
@Named
@ViewScoped
public class ApplicationEntryPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  static final String FORM = "application";
  static final int SLOTS = 4;

  @EJB private ApplicationDesk desk;

  private List<ProfileChoice> profiles;
  private List<ApplicationUnitView> units;

  private String profile;
  private boolean dualCertificate;
  private String commonName;
  private String organisationalUnit;
  private String organisation;
  private String locality;
  private String province;
  private String country = "CN";
  private String dnsNames;
  private String pkcs10;
  private String applicantName;
  private String idDocumentType = "RESIDENT_ID_CARD";
  private String idDocumentNumber;
  private String organisationName;
  private String organisationCode;
  private String businessLicenceNumber;
  private String agentName;
  private String agentIdDocumentType;
  private String agentIdDocumentNumber;
  private String email;
  private String phone;
  private boolean publishConsent = true;
  private boolean agreementAccepted;
  private FeeStatus feeStatus = FeeStatus.PAID;
  private String applicationUnit;

  private final DocumentSlots uploads = new DocumentSlots(SLOTS);

  /** Loads the profiles and units the operator may choose from (once per view). */
  public void open() {
    if (profiles == null) {
      profiles = fetch(null, () -> desk.profiles(token())).orElse(List.of());
      units = fetch(null, () -> desk.units(token())).orElse(List.of());
    }
  }

  /** A new profile: the encryption certificate is only offered where the profile has one. */
  public void profileChanged() {
    if (!isDualAvailable()) {
      dualCertificate = false;
    }
  }

  public String submit() {
    if (!uploads.readAll(FORM)) {
      return null;
    }
    ApplicationForm form =
        new ApplicationForm(
            profile,
            dualCertificate && isDualAvailable(),
            commonName,
            organisationalUnit,
            organisation,
            locality,
            province,
            country,
            isNeedsHostNames() ? dnsNames : null,
            pkcs10,
            applicantName,
            idDocumentType,
            idDocumentNumber,
            organisationName,
            organisationCode,
            businessLicenceNumber,
            agentName,
            agentIdDocumentType,
            agentIdDocumentNumber,
            email,
            phone,
            publishConsent,
            agreementAccepted,
            feeStatus,
            applicationUnit);
    List<DocumentUpload> documents = uploads.documents();
    Optional<Long> id = fetch(FORM, () -> desk.submit(token(), form, documents));
    if (id.isEmpty()) {
      return null;
    }
    Feedback.info("application.submitted");
    Feedback.keepForRedirect();
    return "/application.xhtml?faces-redirect=true&id=" + id.get();
  }

  /** Takes an attached document off the form again. */
  public void detach(int index) {
    uploads.detach(index);
  }

  public ProfileChoice getSelectedProfile() {
    if (profiles == null || profile == null) {
      return null;
    }
    return profiles.stream().filter(p -> p.name().equals(profile)).findFirst().orElse(null);
  }

  public boolean isDualAvailable() {
    ProfileChoice selected = getSelectedProfile();
    return selected != null && selected.dualAvailable();
  }

  public boolean isNeedsHostNames() {
    ProfileChoice selected = getSelectedProfile();
    return selected != null && selected.needsHostNames();
  }

  public List<ProfileChoice> getProfiles() {
    return profiles == null ? List.of() : profiles;
  }

  public List<ApplicationUnitView> getUnits() {
    return units == null ? List.of() : units;
  }

  public List<UploadSlot> getSlots() {
    return uploads.slots();
  }

  public List<DocumentUpload> getAttached() {
    return uploads.attached();
  }

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

  public boolean isPublishConsent() {
    return publishConsent;
  }

  public void setPublishConsent(boolean publishConsent) {
    this.publishConsent = publishConsent;
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
