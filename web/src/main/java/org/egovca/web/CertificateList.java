package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.egovca.ca.application.CertificateQueries;
import org.egovca.ca.application.CertificateView;

/** Backs the certificate list on the console's home page. */
@Named
@RequestScoped
public class CertificateList {

  private static final int PAGE = 500;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @EJB private CertificateQueries queries;

  private List<CertificateView> certificates;

  public List<CertificateView> getCertificates() {
    if (certificates == null) {
      certificates = queries.newest(PAGE);
    }
    return certificates;
  }

  public String format(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }
}
