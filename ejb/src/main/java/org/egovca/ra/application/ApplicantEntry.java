package org.egovca.ra.application;

import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.Refusal;
import org.egovca.ra.domain.validation.OrganisationCodeValidator;
import org.egovca.ra.domain.validation.PersonalDocuments;

/** Checks of the applicant's identity data as the entry clerk typed it. */
final class ApplicantEntry {

  private ApplicantEntry() {}

  /** The document type, checked to be one a person may present. */
  static IdentifierKind documentType(String field, String value) {
    IdentifierKind kind = PersonalDocuments.kind(FormText.text(field, value, 32, true));
    if (kind == null) {
      throw Refusal.invalid(
          field, "applicant.documentType", "choose one of " + PersonalDocuments.KINDS);
    }
    return kind;
  }

  /** The document number, checked against the format and check character of its standard. */
  static String documentNumber(String field, IdentifierKind kind, String value) {
    String text = FormText.text(field, value, 32, true).toUpperCase(java.util.Locale.ROOT);
    if (kind != null) {
      String problem = kind.problemWith(text);
      if (problem != null) {
        throw Refusal.invalid(field, "applicant.documentNumber", text + " " + problem);
      }
    }
    return text;
  }

  /** A unified social credit code (18 characters) or an organisation code (9, or 10 with '-'). */
  static String organisationCode(String field, String value) {
    String text = FormText.text(field, value, 32, true).toUpperCase(java.util.Locale.ROOT);
    String problem = OrganisationCodeValidator.problemWith(text);
    if (problem != null) {
      throw Refusal.invalid(field, "applicant.organisationCode", problem);
    }
    return text.replace("-", "");
  }
}
