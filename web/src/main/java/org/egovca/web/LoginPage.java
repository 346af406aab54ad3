package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.egovca.ra.application.LoginResult;
import org.egovca.ra.application.OperatorSessions;

/**
 * The login page: the client certificate of the TLS handshake and the password, both checked by
 * {@link OperatorSessions#login}. On success the HTTP session gets a new id and keeps the RA
 * session token.
 */
@Named
@RequestScoped
public class LoginPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "login";

  /** Notices other pages may ask the login page to show (?notice=…). */
  private static final Set<String> NOTICES = Set.of("session.ended", "logout.done");

  @EJB private OperatorSessions sessions;
  @Inject private HttpServletRequest request;
  @Inject private Language language;

  private String username;
  private String password;
  private String notice;
  private String lang;

  /** Shows the notice the page was opened with, in the language the ended session had. */
  public void open() {
    if (lang != null) {
      language.apply(lang);
    }
    if (notice != null && NOTICES.contains(notice)) {
      if ("session.ended".equals(notice)) {
        Feedback.warn(notice);
      } else {
        Feedback.info(notice);
      }
    }
  }

  public String login() {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    password = null;
    String previous = token();
    LoginResult result;
    try {
      result =
          sessions.login(ClientCertificate.der(request), username, secret, request.getRemoteAddr());
    } catch (RuntimeException failure) {
      Feedback.failure(FORM, failure);
      return null;
    }
    if (previous != null) {
      try {
        sessions.logout(previous);
      } catch (RuntimeException ended) {
        // the earlier session of this browser had ended already
      }
    }
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.setAttribute(CurrentOperator.TOKEN, result.sessionToken());
    return result.operator().mustChangePassword()
        ? "/change-password.xhtml?faces-redirect=true"
        : "/index.xhtml?faces-redirect=true";
  }

  public boolean isCertificatePresented() {
    return ClientCertificate.of(request) != null;
  }

  public String getCertificateSubject() {
    return ClientCertificate.subject(request);
  }

  public String getCertificateIssuer() {
    return ClientCertificate.issuer(request);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNotice() {
    return notice;
  }

  public void setNotice(String notice) {
    this.notice = notice;
  }

  public String getLang() {
    return lang;
  }

  public void setLang(String lang) {
    this.lang = lang;
  }
}
