package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.egovca.ra.application.OperatorSessions;

/** Logout from the header: ends the RA session (audited) and the HTTP session. */
@Named
@RequestScoped
public class SessionActions extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @EJB private OperatorSessions sessions;

  public String logout() {
    String token = token();
    if (token != null) {
      try {
        sessions.logout(token);
      } catch (RuntimeException ended) {
        // the RA session had ended already: nothing left to close
      }
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Object language = external.getSessionMap().get(Language.ATTRIBUTE);
    external.invalidateSession();
    return "/login.xhtml?faces-redirect=true&notice=logout.done"
        + ("en".equals(language) ? "&lang=en" : "");
  }
}
