package org.egovca.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/**
 * Turns what the RA services answer into messages in the operator's language: each problem of a
 * {@link Refusal} next to the field it names (a component with that id in the form), the rest at
 * the top of the page. A problem is translated by its key where the bundle has one and shown in the
 * service's English words otherwise. Anything unexpected is logged and shown as a generic message:
 * never a stack trace.
 */
final class Feedback {

  private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

  private Feedback() {}

  /** The bundle of the current view's language. */
  static ResourceBundle bundle() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context.getApplication().getResourceBundle(context, "msg");
  }

  /** The translation of {@code key}, or null when the bundle has none. */
  static String translation(String key) {
    if (key == null) {
      return null;
    }
    try {
      return bundle().getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
  }

  /** The translation of {@code key} with its {@code {0}} … filled in, or the key itself. */
  static String text(String key, Object... arguments) {
    String pattern = translation(key);
    if (pattern == null) {
      return key;
    }
    return arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, bundle().getLocale()).format(arguments);
  }

  static void info(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_INFO, text(key, arguments));
  }

  static void warn(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_WARN, text(key, arguments));
  }

  static void error(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_ERROR, text(key, arguments));
  }

  /** An error next to the field {@code formId:field}, or at the top when there is no such field. */
  static void fieldError(String formId, String field, String key, Object... arguments) {
    add(clientId(formId, field), FacesMessage.SEVERITY_ERROR, text(key, arguments));
  }

  /** Keeps this request's messages for the page a redirect leads to. */
  static void keepForRedirect() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  /**
   * Shows why a service call failed. {@code formId} names the form whose fields the problems of a
   * refusal refer to. An ended RA session ends the HTTP session and leads to the login page.
   */
  static void failure(String formId, RuntimeException failure) {
    failure(formId, failure, Map.of());
  }

  /**
   * As {@link #failure(String, RuntimeException)}, where {@code fields} maps a field name the
   * service uses to the id of the input that shows it on this form.
   */
  static void failure(String formId, RuntimeException failure, Map<String, String> fields) {
    Throwable cause = failure;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof Refusal refusal) {
      refusal(formId, refusal, fields);
    } else if (cause instanceof ConstraintViolationException invalid) {
      for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
        add(null, FacesMessage.SEVERITY_ERROR, violation.getMessage());
      }
    } else {
      LOG.log(Level.SEVERE, "RA console request failed", failure);
      error("unexpected.error");
    }
  }

  static void refusal(String formId, Refusal refusal, Map<String, String> fields) {
    if (refusal.code() == RefusalCode.SESSION_ENDED) {
      sessionEnded();
      return;
    }
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (Refusal.Problem problem : refusal.problems()) {
      String text = text(problem);
      // a problem of the whole form has no field (Map.of() refuses a null key)
      String field =
          problem.field() == null ? null : fields.getOrDefault(problem.field(), problem.field());
      String clientId = clientId(formId, field);
      if (clientId == null) {
        add(null, FacesMessage.SEVERITY_ERROR, text);
      } else {
        byField.computeIfAbsent(clientId, id -> new ArrayList<>()).add(text);
      }
    }
    // h:message shows one message per field: a field with several problems (a password breaking
    // three rules) gets them all in one
    UIViewRoot root = FacesContext.getCurrentInstance().getViewRoot();
    String separator = root != null && "zh".equals(root.getLocale().getLanguage()) ? "；" : "; ";
    byField.forEach(
        (clientId, texts) ->
            add(clientId, FacesMessage.SEVERITY_ERROR, String.join(separator, texts)));
  }

  /** A refusal's problem in the operator's language. */
  static String text(Refusal.Problem problem) {
    String translated = translation(problem.key());
    if (translated == null) {
      return problem.message();
    }
    // the translation carries the service's own words where they hold the specifics
    return translated.contains("{0}")
        ? new MessageFormat(translated, bundle().getLocale())
            .format(new Object[] {problem.message()})
        : translated;
  }

  /**
   * Why a service call failed, as one text to show in a page's own result panel (besides the
   * messages {@link #failure} places): a refusal's problems, or the generic message.
   */
  static String describe(RuntimeException failure) {
    Throwable cause = failure;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof Refusal refusal) {
      UIViewRoot root = FacesContext.getCurrentInstance().getViewRoot();
      String separator = root != null && "zh".equals(root.getLocale().getLanguage()) ? "；" : "; ";
      return String.join(separator, refusal.problems().stream().map(Feedback::text).toList());
    }
    return text("unexpected.error");
  }

  /** Ends the HTTP session and sends the browser to the login page, saying why. */
  static void sessionEnded() {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    Object language = external.getSessionMap().get(Language.ATTRIBUTE);
    external.invalidateSession();
    try {
      external.redirect(
          external.getRequestContextPath()
              + "/login.xhtml?notice=session.ended"
              + ("en".equals(language) ? "&lang=en" : ""));
    } catch (IOException e) {
      LOG.log(Level.FINE, "redirect to the login page failed", e);
    }
    context.responseComplete();
  }

  /** The client id of {@code formId:field} if the view has that component, else null. */
  private static String clientId(String formId, String field) {
    if (formId == null || field == null || field.isBlank()) {
      return null;
    }
    UIViewRoot root = FacesContext.getCurrentInstance().getViewRoot();
    try {
      UIComponent component = root.findComponent(formId + ":" + field);
      return component == null ? null : component.getClientId();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void add(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
  }
}
