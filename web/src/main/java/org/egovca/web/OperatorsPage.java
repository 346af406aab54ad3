package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.egovca.ra.application.ApplicationUnitView;
import org.egovca.ra.application.NewOperator;
import org.egovca.ra.application.NewOperatorCredential;
import org.egovca.ra.application.OperatorAdministration;
import org.egovca.ra.application.OperatorView;
import org.egovca.ra.domain.OperatorRole;

/**
 * The security administrator's page (CPS §6.5.1.2, §7.5.1.2): operator accounts with their roles
 * and login certificates, and the application units. A one-time password or a new certificate is
 * shown once, on this view only.
 */
@Named
@ViewScoped
public class OperatorsPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String CREATE = "newOperator";
  private static final String MANAGE = "manage";
  private static final String UNITS = "unitForm";

  @EJB private OperatorAdministration administration;

  private List<OperatorView> operators;
  private List<ApplicationUnitView> units;

  private String username;
  private String displayName;
  private String email;
  private List<String> roles = new ArrayList<>();
  private String applicationUnit;
  private String certificateRequest;
  private NewOperatorCredential credential;

  private String selected;
  private List<String> selectedRoles = new ArrayList<>();
  private String selectedUnit;
  private String newCertificateRequest;
  private String oneTimePassword;
  private String issuedCertificate;

  private String unitCode;
  private String unitName;

  public void open() {
    if (operators == null) {
      refresh();
      selectOperator();
    }
  }

  private void refresh() {
    operators = fetch(null, () -> administration.operators(token())).orElse(List.of());
    units = fetch(null, () -> administration.units(token())).orElse(List.of());
  }

  /** Puts the operator of {@code ?username=} into the manage panel. */
  private void selectOperator() {
    OperatorView view = getSelectedOperator();
    if (view != null) {
      selectedRoles = new ArrayList<>(view.roles().stream().map(Enum::name).sorted().toList());
      selectedUnit = view.applicationUnit();
    }
  }

  public void create() {
    NewOperator form =
        new NewOperator(
            username, displayName, email, roles(roles), applicationUnit, certificateRequest);
    fetch(CREATE, () -> administration.createOperator(token(), form))
        .ifPresent(
            created -> {
              credential = created;
              username = null;
              displayName = null;
              email = null;
              roles = new ArrayList<>();
              applicationUnit = null;
              certificateRequest = null;
              Feedback.info("operator.created", created.username());
              refresh();
            });
  }

  public void downloadCredentialCertificate() {
    if (credential != null) {
      Downloads.sendText(
          credential.username() + ".pem", "application/x-pem-file", credential.certificatePem());
    }
  }

  /** The administrator has handed the credential over: it is not shown again. */
  public void dismissCredential() {
    credential = null;
    oneTimePassword = null;
    issuedCertificate = null;
  }

  public void saveRoles() {
    if (perform(
        MANAGE,
        () -> administration.changeRoles(token(), selected, roles(selectedRoles), selectedUnit))) {
      Feedback.info("operator.rolesChanged", selected);
      refresh();
    }
  }

  public void unlock() {
    if (perform(MANAGE, () -> administration.unlock(token(), selected))) {
      Feedback.info("operator.unlocked", selected);
      refresh();
    }
  }

  public void resetPassword() {
    fetch(MANAGE, () -> administration.resetPassword(token(), selected))
        .ifPresent(
            password -> {
              oneTimePassword = password;
              Feedback.info("operator.passwordReset", selected);
              refresh();
            });
  }

  public void deactivate() {
    if (perform(MANAGE, () -> administration.deactivate(token(), selected))) {
      Feedback.info("operator.deactivated", selected);
      refresh();
    }
  }

  public void issueCertificate() {
    fetch(MANAGE, () -> administration.issueCertificate(token(), selected, newCertificateRequest))
        .ifPresent(
            pem -> {
              issuedCertificate = pem;
              newCertificateRequest = null;
              Feedback.info("operator.certificateIssued", selected);
              refresh();
            });
  }

  public void downloadIssuedCertificate() {
    if (issuedCertificate != null) {
      Downloads.sendText(selected + ".pem", "application/x-pem-file", issuedCertificate);
    }
  }

  public void createUnit() {
    if (perform(UNITS, () -> administration.createUnit(token(), unitCode, unitName))) {
      Feedback.info("unit.created", unitCode);
      unitCode = null;
      unitName = null;
      refresh();
    }
  }

  private static Set<OperatorRole> roles(List<String> names) {
    Set<OperatorRole> set = EnumSet.noneOf(OperatorRole.class);
    if (names != null) {
      for (String name : names) {
        set.add(OperatorRole.valueOf(name));
      }
    }
    return set;
  }

  public OperatorView getSelectedOperator() {
    if (selected == null || operators == null) {
      return null;
    }
    return operators.stream().filter(o -> o.username().equals(selected)).findFirst().orElse(null);
  }

  public List<String> getRoleNames() {
    return List.of(OperatorRole.values()).stream().map(Enum::name).toList();
  }

  public List<OperatorView> getOperators() {
    return operators == null ? List.of() : operators;
  }

  public List<ApplicationUnitView> getUnits() {
    return units == null ? List.of() : units;
  }

  public NewOperatorCredential getCredential() {
    return credential;
  }

  public String getOneTimePassword() {
    return oneTimePassword;
  }

  public String getIssuedCertificate() {
    return issuedCertificate;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public String getApplicationUnit() {
    return applicationUnit;
  }

  public void setApplicationUnit(String applicationUnit) {
    this.applicationUnit = applicationUnit;
  }

  public String getCertificateRequest() {
    return certificateRequest;
  }

  public void setCertificateRequest(String certificateRequest) {
    this.certificateRequest = certificateRequest;
  }

  public String getSelected() {
    return selected;
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  public List<String> getSelectedRoles() {
    return selectedRoles;
  }

  public void setSelectedRoles(List<String> selectedRoles) {
    this.selectedRoles = selectedRoles == null ? new ArrayList<>() : new ArrayList<>(selectedRoles);
  }

  public String getSelectedUnit() {
    return selectedUnit;
  }

  public void setSelectedUnit(String selectedUnit) {
    this.selectedUnit = selectedUnit;
  }

  public String getNewCertificateRequest() {
    return newCertificateRequest;
  }

  public void setNewCertificateRequest(String newCertificateRequest) {
    this.newCertificateRequest = newCertificateRequest;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public void setUnitCode(String unitCode) {
    this.unitCode = unitCode;
  }

  public String getUnitName() {
    return unitName;
  }

  public void setUnitName(String unitName) {
    this.unitName = unitName;
  }
}
