package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.egovca.ra.application.ApplicationUnitView;
import org.egovca.ra.application.DualControlRequestView;
import org.egovca.ra.application.NewOperator;
import org.egovca.ra.application.OperatorAdministration;
import org.egovca.ra.application.OperatorView;
import org.egovca.ra.domain.OperatorRole;

/**
 * The security administrator's page (CPS §6.5.1.2, §7.5.1.2): operator accounts with their role and
 * login certificate, and the application units. A new account, another role, a new login
 * certificate or a one-time password is only asked for here: a second security administrator
 * approves it on the dual control page, where its result is shown once.
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

  /** The new account's form, the inputs of its panel bound to it. */
  private NewOperator form = new NewOperator();

  private String selected;
  private String selectedRole;
  private String selectedUnit;
  private String newCertificateRequest;

  /** The request just made, waiting for a second security administrator. */
  private DualControlRequestView requested;

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
      selectedRole = view.roles().stream().map(Enum::name).sorted().findFirst().orElse(null);
      selectedUnit = view.applicationUnit();
    }
  }

  public void create() {
    fetch(CREATE, () -> administration.requestOperator(token(), form))
        .ifPresent(
            request -> {
              requested(request);
              form = new NewOperator();
            });
  }

  public void saveRoles() {
    fetch(
            MANAGE,
            () ->
                administration.requestRoleChange(
                    token(), selected, role(selectedRole), selectedUnit))
        .ifPresent(this::requested);
  }

  public void unlock() {
    if (perform(MANAGE, () -> administration.unlock(token(), selected))) {
      Feedback.info("operator.unlocked", selected);
      refresh();
    }
  }

  public void resetPassword() {
    fetch(MANAGE, () -> administration.requestPasswordReset(token(), selected))
        .ifPresent(this::requested);
  }

  public void deactivate() {
    if (perform(MANAGE, () -> administration.deactivate(token(), selected))) {
      Feedback.info("operator.deactivated", selected);
      refresh();
    }
  }

  public void issueCertificate() {
    fetch(MANAGE, () -> administration.requestCertificate(token(), selected, newCertificateRequest))
        .ifPresent(
            request -> {
              requested(request);
              newCertificateRequest = null;
            });
  }

  private void requested(DualControlRequestView request) {
    requested = request;
    Feedback.info("dualControl.requested", Long.toString(request.id()));
    refresh();
  }

  public void createUnit() {
    if (perform(UNITS, () -> administration.createUnit(token(), unitCode, unitName))) {
      Feedback.info("unit.created", unitCode);
      unitCode = null;
      unitName = null;
      refresh();
    }
  }

  private static OperatorRole role(String name) {
    return name == null || name.isBlank() ? null : OperatorRole.valueOf(name);
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

  /** The roles a new operator may be given, for the form's role. */
  public List<OperatorRole> getRoles() {
    return List.of(OperatorRole.values());
  }

  public List<OperatorView> getOperators() {
    return operators == null ? List.of() : operators;
  }

  public List<ApplicationUnitView> getUnits() {
    return units == null ? List.of() : units;
  }

  public DualControlRequestView getRequested() {
    return requested;
  }

  public NewOperator getForm() {
    return form;
  }

  public String getSelected() {
    return selected;
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  public String getSelectedRole() {
    return selectedRole;
  }

  public void setSelectedRole(String selectedRole) {
    this.selectedRole = selectedRole;
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
