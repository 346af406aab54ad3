package org.egovca.ra.application;

import java.io.Serializable;
import java.time.LocalDate;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.ApplicationState;

/**
 * Criteria of an application search; null or blank criteria are ignored.
 *
 * @param text part of the reference, applicant or organisation name, subject, ID document number or
 *     organisation code
 * @param enteredFrom first day (UTC) of entry, inclusive
 * @param enteredTo last day (UTC) of entry, inclusive
 */
public record ApplicationSearch(
    String text,
    ApplicationState state,
    ApplicationKind kind,
    LocalDate enteredFrom,
    LocalDate enteredTo)
    implements Serializable {

  public static ApplicationSearch all() {
    return new ApplicationSearch(null, null, null, null, null);
  }
}
