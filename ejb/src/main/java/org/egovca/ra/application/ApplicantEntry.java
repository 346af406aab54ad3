package org.egovca.ra.application;

import java.util.Set;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.Refusal;

/** Checks of the applicant's identity data as the entry clerk typed it. */
final class ApplicantEntry {

  /** The identity documents a person may present (GM/T 0015 identifier kinds). */
  static final Set<IdentifierKind> PERSONAL_DOCUMENTS =
      Set.of(
          IdentifierKind.RESIDENT_ID_CARD,
          IdentifierKind.PASSPORT,
          IdentifierKind.MILITARY_OFFICER_ID,
          IdentifierKind.SOCIAL_INSURANCE);

  private ApplicantEntry() {}

  /** The document type, checked to be one a person may present. */
  static IdentifierKind documentType(String field, String value) {
    String text = FormText.text(field, value, 32, true);
    for (IdentifierKind kind : PERSONAL_DOCUMENTS) {
      if (kind.name().equals(text)) {
        return kind;
      }
    }
    throw Refusal.invalid(field, "applicant.documentType", "choose one of " + PERSONAL_DOCUMENTS);
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
    IdentifierKind kind =
        text.length() == 18
            ? IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE
            : IdentifierKind.ORGANIZATION_CODE;
    String problem = kind.problemWith(text);
    if (problem != null) {
      throw Refusal.invalid(field, "applicant.organisationCode", text + " " + problem);
    }
    return text.replace("-", "");
  }
}
