package org.egovca.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Every new view starts in the operator's chosen language (not the browser's), so that messages
 * made before the page renders (view parameters, page actions) are in that language too.
 */
public class ConsoleViewHandler extends ViewHandlerWrapper {

  public ConsoleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    return CDI.current().select(Language.class).get().getLocale();
  }
}
