package org.egovca.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * The console's language for this browser session: Chinese by default, English on request (the
 * header's language switch, also on the login page).
 */
@Named
@SessionScoped
public class Language implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * HTTP session attribute with the chosen language's tag, read when the session ends so that the
   * login page keeps the operator's language.
   */
  static final String ATTRIBUTE = "org.egovca.web.language";

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final Locale ENGLISH = Locale.ENGLISH;

  private Locale locale = CHINESE;

  public Locale getLocale() {
    return locale;
  }

  /** The BCP 47 tag for the {@code lang} attribute of the page. */
  public String getTag() {
    return locale.toLanguageTag();
  }

  public boolean isChinese() {
    return locale.equals(CHINESE);
  }

  public String switchToChinese() {
    return switchTo(CHINESE);
  }

  public String switchToEnglish() {
    return switchTo(ENGLISH);
  }

  /** Takes over the language of an ended session ({@code en}; anything else is Chinese). */
  void apply(String tag) {
    locale = "en".equals(tag) ? ENGLISH : CHINESE;
    FacesContext context = FacesContext.getCurrentInstance();
    remember(context);
    if (context.getViewRoot() != null) {
      context.getViewRoot().setLocale(locale);
    }
  }

  /** Switches and reloads the current page (with its parameters) by a redirect. */
  private String switchTo(Locale wanted) {
    locale = wanted;
    FacesContext context = FacesContext.getCurrentInstance();
    remember(context);
    context.getViewRoot().setLocale(wanted);
    String viewId = context.getViewRoot().getViewId();
    // the login page's parameters are one-off notices, not worth repeating
    return "/login.xhtml".equals(viewId)
        ? viewId + "?faces-redirect=true"
        : viewId + "?faces-redirect=true&includeViewParams=true";
  }

  private void remember(FacesContext context) {
    context.getExternalContext().getSessionMap().put(ATTRIBUTE, isChinese() ? "zh" : "en");
  }
}
