package org.egovca.ra.application;

import java.io.Serializable;
import java.time.LocalDate;
import org.egovca.ca.domain.CertificateStatus;

/**
 * Criteria of a certificate search; null or blank criteria are ignored.
 *
 * @param subject part of the subject DN (names, organisation, unit, …)
 * @param serial the serial number in hex, or its beginning
 * @param idNumber an ID document number or organisation code of the application it was issued for
 * @param issuedFrom first day (UTC) of issuance, inclusive
 * @param issuedTo last day (UTC) of issuance, inclusive
 */
public record CertificateSearch(
    String subject,
    String serial,
    String idNumber,
    CertificateStatus status,
    LocalDate issuedFrom,
    LocalDate issuedTo)
    implements Serializable {

  public static CertificateSearch all() {
    return new CertificateSearch(null, null, null, null, null, null);
  }
}
