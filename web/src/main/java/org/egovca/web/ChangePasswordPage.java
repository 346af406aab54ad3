package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Objects;
import org.egovca.ra.application.OperatorSessions;

/**
 * Changing one's own password; every rule of CPS §6.5.2.4 the new one breaks is shown next to it.
 */
@Named
@RequestScoped
public class ChangePasswordPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "password";

  @EJB private OperatorSessions sessions;

  private String currentPassword;
  private String newPassword;
  private String repeatPassword;

  public String change() {
    if (!Objects.equals(newPassword, repeatPassword)) {
      Feedback.fieldError(FORM, "repeatPassword", "password.repeatMismatch");
      return null;
    }
    char[] current = chars(currentPassword);
    char[] chosen = chars(newPassword);
    currentPassword = null;
    newPassword = null;
    repeatPassword = null;
    if (!perform(FORM, () -> sessions.changePassword(token(), current, chosen))) {
      return null;
    }
    Feedback.info("password.changed");
    Feedback.keepForRedirect();
    return "/index.xhtml?faces-redirect=true";
  }

  private static char[] chars(String text) {
    return text == null ? new char[0] : text.toCharArray();
  }

  public String getCurrentPassword() {
    return null;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return null;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeatPassword() {
    return null;
  }

  public void setRepeatPassword(String repeatPassword) {
    this.repeatPassword = repeatPassword;
  }
}
