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
 * Entering a new certificate application (CPS §6.1.4.1): the page's inputs are bound to an {@link
 * ApplicationForm}, handed with its scanned documents to {@link ApplicationDesk#submit}, which
 * checks it. A refused form stays filled in, its documents stay attached, and each problem shows
 * next to its field.
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

  private final ApplicationForm form = newForm();

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
      form.setDualCertificate(false);
    }
    keyGenerationChanged();
  }

  /**
   * The applicant asked the CA to generate the key pair (CPS §6.1.4.10.1), or no longer does: SM2
   * unless the clerk picks another type the profile takes.
   */
  public void keyGenerationChanged() {
    if (!form.isKeyGenerationRequested()) {
      form.setGeneratedKeyAlgorithm(null);
    } else if (!getGeneratedKeyAlgorithms().contains(form.getGeneratedKeyAlgorithm())) {
      form.setGeneratedKeyAlgorithm("SM2_256");
    }
  }

  /** The key types the chosen profile takes, SM2 first. */
  public List<String> getGeneratedKeyAlgorithms() {
    ProfileChoice selected = getSelectedProfile();
    if (selected == null) {
      return List.of("SM2_256");
    }
    return selected.keyAlgorithms().stream()
        .sorted((a, b) -> a.equals("SM2_256") ? -1 : b.equals("SM2_256") ? 1 : a.compareTo(b))
        .toList();
  }

  public String submit() {
    if (!uploads.readAll(FORM)) {
      return null;
    }
    // what the chosen profile does not offer is not sent, though typed before the profile changed
    if (!isDualAvailable()) {
      form.setDualCertificate(false);
    }
    if (!isNeedsHostNames()) {
      form.setDnsNames(null);
    }
    // the key is the holder's PKCS#10 or one the CA generates, never both
    if (form.isKeyGenerationRequested()) {
      form.setPkcs10(null);
    } else {
      form.setGeneratedKeyAlgorithm(null);
    }
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
    if (profiles == null || form.getProfile() == null) {
      return null;
    }
    return profiles.stream()
        .filter(p -> p.name().equals(form.getProfile()))
        .findFirst()
        .orElse(null);
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

  /** The form the page's inputs are bound to. */
  public ApplicationForm getForm() {
    return form;
  }

  /** A new application starts for a person in China who consents and has paid. */
  private static ApplicationForm newForm() {
    ApplicationForm form = new ApplicationForm();
    form.setCountry("CN");
    form.setIdDocumentType("RESIDENT_ID_CARD");
    form.setDirectoryConsent(true);
    form.setFeeStatus(FeeStatus.PAID);
    return form;
  }
}
