package org.egovca.ra.application;

import static org.egovca.ra.application.FormTextTest.assertProblem;
import static org.egovca.ra.application.FormTextTest.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicantEntryTest {

  /** {@code first17} with its GB 11643 check character (ISO 7064 MOD 11-2). */
  static String residentId(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  /** The same number with a different, wrong check character. */
  private static String withWrongCheck(String id) {
    char right = id.charAt(17);
    return id.substring(0, 17) + (right == '0' ? '1' : '0');
  }

  @Test
  void computedCheckCharacterAgreesWithTheStandardsExample() {
    assertEquals("11010519491231002X", residentId("11010519491231002"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"RESIDENT_ID_CARD", "PASSPORT", "MILITARY_OFFICER_ID", "SOCIAL_INSURANCE"})
  void personalDocumentTypesAreAccepted(String type) {
    assertEquals(IdentifierKind.valueOf(type), ApplicantEntry.documentType("idDocumentType", type));
  }

  @Test
  void documentTypeIsTrimmed() {
    assertEquals(
        IdentifierKind.PASSPORT, ApplicantEntry.documentType("idDocumentType", " PASSPORT "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"DRIVING_LICENCE", "passport", "UNIFIED_SOCIAL_CREDIT_CODE", "ORGANISATION_CODE"})
  void unknownOrNonPersonalDocumentTypeIsRefused(String type) {
    assertProblem(
        "idDocumentType",
        "applicant.documentType",
        () -> ApplicantEntry.documentType("idDocumentType", type));
  }

  @Test
  void missingDocumentTypeIsRefusedAsRequired() {
    assertProblem(
        "agentIdDocumentType",
        "field.required",
        () -> ApplicantEntry.documentType("agentIdDocumentType", ""));
  }

  @Test
  void residentIdWithValidCheckCharacterIsAccepted() {
    String id = residentId("44030819900307123");

    assertEquals(
        id, ApplicantEntry.documentNumber("idDocumentNumber", IdentifierKind.RESIDENT_ID_CARD, id));
  }

  @Test
  void residentIdCheckCharacterXIsUpperCased() {
    assertEquals(
        "11010519491231002X",
        ApplicantEntry.documentNumber(
            "idDocumentNumber", IdentifierKind.RESIDENT_ID_CARD, " 11010519491231002x "));
  }

  @Test
  void residentIdWithWrongCheckCharacterIsRefused() {
    String wrong = withWrongCheck(residentId("44030819900307123"));

    Refusal.Problem problem =
        onlyProblem(
            () ->
                ApplicantEntry.documentNumber(
                    "idDocumentNumber", IdentifierKind.RESIDENT_ID_CARD, wrong));
    assertEquals("idDocumentNumber", problem.field());
    assertEquals("applicant.documentNumber", problem.key());
    assertTrue(
        problem.message().startsWith(wrong + " has a wrong check character"), problem.message());
  }

  @Test
  void residentIdOfWrongLengthIsRefused() {
    assertProblem(
        "idDocumentNumber",
        "applicant.documentNumber",
        () ->
            ApplicantEntry.documentNumber(
                "idDocumentNumber", IdentifierKind.RESIDENT_ID_CARD, "4403081990030712"));
  }

  @Test
  void documentNumberOfUnknownKindIsOnlyTextChecked() {
    assertEquals("ABC-1", ApplicantEntry.documentNumber("idDocumentNumber", null, "abc-1"));
    assertProblem(
        "idDocumentNumber",
        "field.required",
        () -> ApplicantEntry.documentNumber("idDocumentNumber", null, " "));
  }

  @Test
  void validUnifiedSocialCreditCodeIsAccepted() {
    assertEquals(
        "91350100M000100Y43",
        ApplicantEntry.organisationCode("organisationCode", "91350100m000100y43"));
  }

  @Test
  void unifiedSocialCreditCodeWithWrongCheckCharacterIsRefused() {
    Refusal.Problem problem =
        onlyProblem(
            () -> ApplicantEntry.organisationCode("organisationCode", "91350100M000100Y44"));

    assertEquals("organisationCode", problem.field());
    assertEquals("applicant.organisationCode", problem.key());
    assertTrue(problem.message().contains("has a wrong check character"), problem.message());
  }

  @Test
  void unifiedSocialCreditCodeWithForbiddenLetterIsRefused() {
    assertProblem(
        "organisationCode",
        "applicant.organisationCode",
        () -> ApplicantEntry.organisationCode("organisationCode", "91350100M000100I43"));
  }

  @Test
  void organisationCodeIsAcceptedWithOrWithoutItsHyphen() {
    assertEquals("M000100Y4", ApplicantEntry.organisationCode("organisationCode", "M000100Y4"));
    assertEquals("M000100Y4", ApplicantEntry.organisationCode("organisationCode", "m000100y-4"));
  }

  @Test
  void organisationCodeWithWrongCheckCharacterIsRefused() {
    assertProblem(
        "organisationCode",
        "applicant.organisationCode",
        () -> ApplicantEntry.organisationCode("organisationCode", "M000100Y5"));
  }

  @Test
  void organisationCodeOfNeitherLengthIsRefused() {
    assertProblem(
        "organisationCode",
        "applicant.organisationCode",
        () -> ApplicantEntry.organisationCode("organisationCode", "12345"));
  }
}
