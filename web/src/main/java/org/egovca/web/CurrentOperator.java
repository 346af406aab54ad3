package org.egovca.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.egovca.ra.application.OperatorView;

/**
 * The operator of the current request, as {@link ConsoleFilter} found them by resuming the RA
 * session with the request's client certificate; null on the public pages. Pages use it to show
 * what the operator's permissions allow; the RA services check the permissions again.
 */
@Named
@RequestScoped
public class CurrentOperator {

  /** Request attribute holding the {@link OperatorView} of the request. */
  static final String ATTRIBUTE = "org.egovca.web.operator";

  /** HTTP session attribute holding the RA session token (never logged, never in a page). */
  static final String TOKEN = "org.egovca.web.raSessionToken";

  @Inject private HttpServletRequest request;

  public OperatorView getView() {
    return (OperatorView) request.getAttribute(ATTRIBUTE);
  }

  public boolean isLoggedIn() {
    return getView() != null;
  }

  /** Whether the operator's roles grant {@code permission} (a {@code Permission} name). */
  public boolean can(String permission) {
    OperatorView view = getView();
    return view != null && !view.mustChangePassword() && view.can(permission);
  }

  /** The RA session token of this HTTP session, or null. */
  String token() {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(TOKEN);
  }
}
