package org.egovca.ra.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import org.egovca.ca.testing.ResidentIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The domain's form constraints accept what the CA can put in a certificate and refuse the rest,
 * each under its message key, in the words of the bundles.
 */
class FormConstraintsTest {

  /** A resident ID number with a correct GB 11643 check digit. */
  private static final String RESIDENT_ID = "11010519491231002X";

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  /** A form with one field of each constraint, and an applicant's and an agent's document. */
  @IdDocument(type = "idType", number = "idNumber")
  @IdDocument(type = "agentType", number = "agentNumber", holder = "agentName")
  public static final class Sample {
    @Text(max = 8)
    String text;

    @Text(max = 8, lines = true)
    String lines;

    @DnValue String dnValue;

    @HostNames(max = 2)
    String hosts;

    @OrganisationCode String organisationCode;

    @RevocationCondition String revocationReason;

    @Initiator String initiator;

    String idType = "RESIDENT_ID_CARD";
    String idNumber = RESIDENT_ID;
    String agentName;
    String agentType;
    String agentNumber;

    public String getIdType() {
      return idType;
    }

    public String getIdNumber() {
      return idNumber;
    }

    public String getAgentName() {
      return agentName;
    }

    public String getAgentType() {
      return agentType;
    }

    public String getAgentNumber() {
      return agentNumber;
    }
  }

  /** A document given whole or not at all, as the requester's on a change application. */
  @IdDocument(type = "idType", number = "idNumber", complete = true)
  public static final class WholeDocument {
    String idType;
    String idNumber;

    WholeDocument(String idType, String idNumber) {
      this.idType = idType;
      this.idNumber = idNumber;
    }

    public String getIdType() {
      return idType;
    }

    public String getIdNumber() {
      return idNumber;
    }
  }

  /**
   * The violations of {@code property} set to {@code value}, as "{key} {template}" or, where the
   * domain's words replace the template, "{key}: words".
   */
  private static List<String> violations(String property, String value) {
    return validator.validateValue(Sample.class, property, value).stream()
        .map(v -> describe(v).substring(property.length() + 1))
        .toList();
  }

  private static List<String> violations(Object sample) {
    return validator.validate(sample).stream().map(FormConstraintsTest::describe).toList();
  }

  private static String describe(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    return (path.isEmpty() ? "" : path + " ")
        + violation.getConstraintDescriptor().getMessageTemplate()
        + (violation.getMessageTemplate().startsWith("{")
            ? " " + violation.getMessageTemplate()
            : ": " + violation.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "北京市 Ltd", " 12345678 "})
  void textWithinItsLengthIsValid(String value) {
    assertEquals(List.of(), violations("text", value));
  }

  @Test
  void nullIsValidForEveryFieldConstraint() {
    for (String property :
        List.of(
            "text",
            "lines",
            "dnValue",
            "hosts",
            "organisationCode",
            "revocationReason",
            "initiator")) {
      assertEquals(List.of(), violations(property, null), property);
    }
  }

  @Test
  void textLongerThanItsMaximumIsTooLong() {
    assertEquals(List.of("{field.tooLong} {field.tooLong}"), violations("text", "123456789"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\u202Eb", "a\nb", "a\uE000"})
  void textWithControlCharactersIsRefused(String value) {
    assertEquals(List.of("{field.tooLong} {field.controlCharacters}"), violations("text", value));
  }

  @Test
  void linesMayBreakAndCountABreakAsOneCharacter() {
    assertEquals(List.of(), violations("lines", "abc\r\ndef\n"));
    assertEquals(List.of("{field.tooLong} {field.tooLong}"), violations("lines", "abcd\r\nefgh"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zhang San", "北京市 Example-Ltd. (1)", "O'Brien & Co"})
  void dnValuesWithoutDnSyntaxAreValid(String value) {
    assertEquals(List.of(), violations("dnValue", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CN=a,O=b", "a+b", "<script>", "a;b", "a\\b", "\"a\"", "#a"})
  void dnValuesWithDnSyntaxAreRefused(String value) {
    assertEquals(List.of("{field.dnSyntax} {field.dnSyntax}"), violations("dnValue", value));
  }

  @Test
  void hostNamesAndAddressesOnePerLineAreValid() {
    assertEquals(List.of(), violations("hosts", "www.example.cn\r\n\n 192.0.2.1 "));
    assertEquals(
        List.of("DNS:www.example.cn", "IP:192.0.2.1", "IP:2001:db8::1"),
        HostNamesValidator.generalNames("www.example.cn\n192.0.2.1\n\n2001:db8::1"));
  }

  @Test
  void aWildcardIsNotAHostNameTheCaIssuesFor() {
    List<String> violations = violations("hosts", "*.example.cn");
    assertEquals(1, violations.size());
    assertTrue(violations.get(0).startsWith("{application.hostNames}: "), violations.toString());
  }

  @Test
  void moreHostNamesThanTheMaximumAreRefused() {
    assertEquals(
        List.of("{application.hostNames}: at most 2 host names"),
        violations("hosts", "a.example.cn\nb.example.cn\nc.example.cn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91350100m000100y43", "M000100Y4", "M000100Y-4"})
  void organisationCodesWithTheirCheckCharacterAreValid(String value) {
    assertEquals(List.of(), violations("organisationCode", value));
  }

  @Test
  void organisationCodesWithAWrongCheckCharacterAreRefusedInTheDomainsWords() {
    assertEquals(
        List.of(
            "{applicant.organisationCode}: 91350100M000100Y44 has a wrong check character for a"
                + " UNIFIED_SOCIAL_CREDIT_CODE"),
        violations("organisationCode", "91350100M000100Y44"));
    assertEquals(1, violations("organisationCode", "12345").size());
  }

  @Test
  void anOrganisationCodeWithAWrongCheckCharacterOrAForbiddenLetterIsRefused() {
    for (String code : List.of("M000100Y5", "91350100M000100I43")) {
      List<String> violations = violations("organisationCode", code);
      assertEquals(1, violations.size(), code);
      assertTrue(violations.get(0).startsWith("{applicant.organisationCode}: "), code);
    }
  }

  @Test
  void aResidentIdWithItsGb11643CheckDigitIsValidInEitherCase() {
    assertEquals(RESIDENT_ID, ResidentIds.of("11010519491231002"));
    Sample sample = new Sample();
    assertEquals(List.of(), violations(sample));
    sample.idNumber = RESIDENT_ID.toLowerCase(Locale.ROOT);
    assertEquals(List.of(), violations(sample));
  }

  @Test
  void aResidentIdWithAWrongCheckDigitIsRefusedOnTheNumber() {
    Sample sample = new Sample();
    sample.idNumber = "110105194912310021";

    assertEquals(
        List.of(
            "idNumber {applicant.documentNumber}: 110105194912310021 has a wrong check character"
                + " for a RESIDENT_ID_CARD"),
        violations(sample));
  }

  @Test
  void aResidentIdOfTheWrongLengthIsRefused() {
    Sample sample = new Sample();
    sample.idNumber = RESIDENT_ID.substring(1);

    assertEquals(1, violations(sample).size());
    assertTrue(violations(sample).get(0).startsWith("idNumber {applicant.documentNumber}: "));
  }

  @Test
  void aWholeDocumentIsRefusedOnTheMissingTypeOrNumber() {
    assertEquals(List.of(), violations(new WholeDocument(null, " ")));
    assertEquals(List.of(), violations(new WholeDocument("PASSPORT", "E12345678")));
    assertEquals(
        List.of("idType {applicant.documentNumber} {field.required}"),
        violations(new WholeDocument("", RESIDENT_ID)));
    assertEquals(
        List.of("idNumber {applicant.documentNumber} {field.required}"),
        violations(new WholeDocument("RESIDENT_ID_CARD", null)));
    assertEquals(
        List.of("idType {applicant.documentNumber} {applicant.documentType}"),
        violations(new WholeDocument("DRIVING_LICENCE", null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"E", " h ", "E_KEY_COMPROMISE", "j_legal_requirement"})
  void aRevocationConditionOfTheCpsIsValidByItsLetterOrName(String value) {
    assertEquals(List.of(), violations("revocationReason", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Z", "SUPERSEDED", "key compromise"})
  void aReasonThatIsNoConditionOfTheCpsIsRefused(String value) {
    assertEquals(List.of("{change.reason} {change.reason}"), violations("revocationReason", value));
  }

  @Test
  void anInitiatorIsOneOfThoseTheCpsNamesInAnyCase() {
    assertEquals(List.of(), violations("initiator", "relying_party"));
    assertEquals(
        List.of("{change.initiator} {change.initiator}"), violations("initiator", "NEIGHBOUR"));
  }

  @Test
  void aDocumentAPersonCannotPresentIsRefusedOnTheType() {
    Sample sample = new Sample();
    sample.idType = "DRIVING_LICENCE";

    assertEquals(
        List.of("idType {applicant.documentNumber} {applicant.documentType}"), violations(sample));
  }

  @Test
  void aBlankTypeOrNumberIsLeftToTheRequiredChecks() {
    Sample sample = new Sample();
    sample.idNumber = " ";
    assertEquals(List.of(), violations(sample));
    sample.idType = null;
    sample.idNumber = "anything";
    assertEquals(List.of(), violations(sample));
  }

  @Test
  void anAgentsDocumentIsCheckedOnlyWhenThereIsAnAgent() {
    Sample sample = new Sample();
    sample.agentType = "PASSPORT";
    sample.agentNumber = "!";
    assertEquals(List.of(), violations(sample));

    sample.agentName = "Li Si";
    List<String> violations = violations(sample);
    assertEquals(1, violations.size());
    assertTrue(
        violations.get(0).startsWith("agentNumber {applicant.documentNumber}: ! is not a PASSPORT"),
        violations.toString());
  }

  @Test
  void theBundlesSayItInChineseByDefaultAndInEnglish() {
    var zh = java.util.ResourceBundle.getBundle("ValidationMessages", Locale.ROOT);
    var en = java.util.ResourceBundle.getBundle("ValidationMessages", Locale.ENGLISH);
    for (String key : en.keySet()) {
      assertTrue(zh.containsKey(key), key);
      assertTrue(zh.getString(key).codePoints().anyMatch(c -> c > 0x4E00), key);
    }
    assertEquals(en.keySet(), zh.keySet());
  }
}
