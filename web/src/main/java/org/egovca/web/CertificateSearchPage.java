package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ra.application.CertificateSearch;
import org.egovca.ra.application.CertificateSummary;
import org.egovca.ra.application.RaQueries;

/** Finding certificates by subject, serial, ID number, status and issue days. */
@Named
@ViewScoped
public class CertificateSearchPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "search";

  @EJB private RaQueries queries;

  private String subject;
  private String serial;
  private String idNumber;
  private CertificateStatus status;
  private LocalDate issuedFrom;
  private LocalDate issuedTo;
  private List<CertificateSummary> results;

  /** The first view lists the newest certificates. */
  public void open() {
    if (results == null) {
      search();
    }
  }

  public void search() {
    CertificateSearch criteria =
        new CertificateSearch(subject, serial, idNumber, status, issuedFrom, issuedTo);
    results = fetch(FORM, () -> queries.certificates(token(), criteria)).orElse(List.of());
  }

  public List<CertificateSummary> getResults() {
    return results == null ? List.of() : results;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public void setIdNumber(String idNumber) {
    this.idNumber = idNumber;
  }

  public CertificateStatus getStatus() {
    return status;
  }

  public void setStatus(CertificateStatus status) {
    this.status = status;
  }

  public LocalDate getIssuedFrom() {
    return issuedFrom;
  }

  public void setIssuedFrom(LocalDate issuedFrom) {
    this.issuedFrom = issuedFrom;
  }

  public LocalDate getIssuedTo() {
    return issuedTo;
  }

  public void setIssuedTo(LocalDate issuedTo) {
    this.issuedTo = issuedTo;
  }
}
