package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.egovca.ra.application.AuditEntry;
import org.egovca.ra.application.RaQueries;

/** The audit log for auditors (R17): the newest events, optionally those matching a text. */
@Named
@ViewScoped
public class AuditPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "search";
  static final int MAX = 500;

  @EJB private RaQueries queries;

  private String text;
  private List<AuditEntry> entries;

  public void open() {
    if (entries == null) {
      search();
    }
  }

  public void search() {
    entries = fetch(FORM, () -> queries.auditTrail(token(), text, MAX)).orElse(List.of());
  }

  public List<AuditEntry> getEntries() {
    return entries == null ? List.of() : entries;
  }

  public int getMax() {
    return MAX;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
