package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.egovca.ra.application.ApplicationSearch;
import org.egovca.ra.application.ApplicationSummary;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.ApplicationState;

/** Finding applications by text, state, kind and the days they were entered. */
@Named
@ViewScoped
public class ApplicationSearchPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "search";

  @EJB private RaQueries queries;

  private String text;
  private ApplicationState state;
  private ApplicationKind kind;
  private LocalDate enteredFrom;
  private LocalDate enteredTo;
  private List<ApplicationSummary> results;

  /** The first view lists the newest applications. */
  public void open() {
    if (results == null) {
      search();
    }
  }

  public void search() {
    ApplicationSearch criteria = new ApplicationSearch(text, state, kind, enteredFrom, enteredTo);
    results = fetch(FORM, () -> queries.applications(token(), criteria)).orElse(List.of());
  }

  public List<ApplicationSummary> getResults() {
    return results == null ? List.of() : results;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public ApplicationState getState() {
    return state;
  }

  public void setState(ApplicationState state) {
    this.state = state;
  }

  public ApplicationKind getKind() {
    return kind;
  }

  public void setKind(ApplicationKind kind) {
    this.kind = kind;
  }

  public LocalDate getEnteredFrom() {
    return enteredFrom;
  }

  public void setEnteredFrom(LocalDate enteredFrom) {
    this.enteredFrom = enteredFrom;
  }

  public LocalDate getEnteredTo() {
    return enteredTo;
  }

  public void setEnteredTo(LocalDate enteredTo) {
    this.enteredTo = enteredTo;
  }
}
