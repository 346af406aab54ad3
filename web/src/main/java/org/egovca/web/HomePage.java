package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.application.Workload;

/**
 * The home page: the applications waiting for a decision against the time limits of CPS §6.1.4.2
 * (overdue, due soon, all waiting) and the rejection notices that are late. Operators who do not
 * see applications get only the menu.
 */
@Named
@RequestScoped
public class HomePage extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @EJB private RaQueries queries;

  private Workload workload;
  private boolean loaded;

  public Workload getWorkload() {
    if (!loaded) {
      loaded = true;
      if (can("VIEW_APPLICATIONS")) {
        workload = fetch(null, () -> queries.workload(token())).orElse(null);
      }
    }
    return workload;
  }
}
