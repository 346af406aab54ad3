package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.domain.Refusal;
import org.egovca.ra.application.OperatorSessions;
import org.egovca.ra.application.OperatorView;

/**
 * The console's gate. Every response gets the security headers. Every page except the public ones
 * (login, error pages, Faces resources) needs an open RA session: the token kept in the HTTP
 * session is resumed with the client certificate of this very request, so a session cannot move to
 * another certificate; a session that ended sends the browser to the login page. An operator who
 * must change their password reaches only that page (and logout, a postback of it).
 */
@WebFilter(
    filterName = "ConsoleFilter",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST})
public class ConsoleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ConsoleFilter.class.getName());

  /**
   * PrimeFaces 14 without its CSP mode needs inline scripts (widget initialisation, inline event
   * handlers) and eval (Ajax updates); everything else is this origin only, and no page may be
   * framed.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final String LOGIN = "/login.xhtml";
  private static final String CHANGE_PASSWORD = "/change-password.xhtml";
  private static final Set<String> PUBLIC_PAGES =
      Set.of(LOGIN, "/error.xhtml", "/expired.xhtml", "/favicon.ico");
  private static final String RESOURCES = "/jakarta.faces.resource/";

  @EJB private OperatorSessions sessions;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    securityHeaders(response);
    String path = path(request);
    if (path.startsWith(RESOURCES)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    if (PUBLIC_PAGES.contains(path)) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    String token = session == null ? null : (String) session.getAttribute(CurrentOperator.TOKEN);
    if (token == null) {
      // a session cookie the server no longer knows: the session timed out
      boolean expired =
          request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
      toLogin(request, response, expired ? "session.ended" : null);
      return;
    }
    OperatorView operator;
    try {
      operator = sessions.resume(token, ClientCertificate.der(request));
    } catch (Refusal refusal) {
      operator = null;
    } catch (EJBException failure) {
      LOG.log(Level.SEVERE, "resuming an RA console session failed", failure);
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    if (operator == null) {
      Object language = session.getAttribute(Language.ATTRIBUTE);
      session.invalidate();
      toLogin(request, response, "session.ended" + ("en".equals(language) ? "&lang=en" : ""));
      return;
    }
    if (operator.mustChangePassword() && !CHANGE_PASSWORD.equals(path)) {
      redirect(request, response, request.getContextPath() + CHANGE_PASSWORD);
      return;
    }
    request.setAttribute(CurrentOperator.ATTRIBUTE, operator);
    chain.doFilter(request, response);
  }

  static void securityHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
  }

  private static String path(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo();
    return pathInfo == null ? servletPath : servletPath + pathInfo;
  }

  private static void toLogin(
      HttpServletRequest request, HttpServletResponse response, String notice) throws IOException {
    String target = request.getContextPath() + LOGIN;
    redirect(request, response, notice == null ? target : target + "?notice=" + notice);
  }

  /** A redirect the browser follows, also from a Faces Ajax request (partial response). */
  private static void redirect(
      HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target.replace("&", "&amp;").replace("\"", "&quot;")
                  + "\"></redirect></partial-response>");
      return;
    }
    response.sendRedirect(target);
  }
}
