package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.egovca.ca.application.RequestedIdentifier;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.Application;
import org.junit.jupiter.api.Test;

class ApplicationReviewTest {

  private static Applicant organisation(String code) {
    return new Applicant(
        "Zhang San", null, null, "Example Ltd", code, null, null, null, null, "a@example.cn", null);
  }

  private static Applicant person(String type, String number) {
    return new Applicant(
        "Zhang San", type, number, null, null, null, null, null, null, "a@example.cn", null);
  }

  @Test
  void profileOf2012GetsTheOrganisationCodeFromCharacters9To17OfTheCreditCode() {
    assertEquals(
        List.of(new RequestedIdentifier("ORGANISATION_CODE", "M000100Y4")),
        ApplicationReview.identifiers(
            organisation("91350100M000100Y43"), TestProfiles.named("organisation-sign")));
  }

  @Test
  void profileOf2012GetsANineCharacterOrganisationCodeAsIs() {
    assertEquals(
        List.of(new RequestedIdentifier("ORGANISATION_CODE", "M000100Y4")),
        ApplicationReview.identifiers(
            organisation("M000100Y4"), TestProfiles.named("organisation-sign")));
  }

  @Test
  void profileOf2023GetsTheWholeUnifiedSocialCreditCode() {
    assertEquals(
        List.of(new RequestedIdentifier("UNIFIED_SOCIAL_CREDIT_CODE", "91350100M000100Y43")),
        ApplicationReview.identifiers(
            organisation("91350100M000100Y43"), TestProfiles.named("organisation-sign-2023")));
  }

  @Test
  void personalProfileGetsTheIdDocument() {
    assertEquals(
        List.of(new RequestedIdentifier("RESIDENT_ID_CARD", "11010519491231002X")),
        ApplicationReview.identifiers(
            person("RESIDENT_ID_CARD", "11010519491231002X"), TestProfiles.named("personal-sign")));
  }

  @Test
  void idDocumentTheProfileHasNoPlaceForIsLeftOut() {
    assertEquals(
        List.of(),
        ApplicationReview.identifiers(
            person("MILITARY_OFFICER_ID", "12345678"), TestProfiles.named("personal-sign-2023")));
  }

  @Test
  void referenceIsRaAndEightDigits() {
    assertEquals("RA-00000042", Application.reference(42));
  }
}
