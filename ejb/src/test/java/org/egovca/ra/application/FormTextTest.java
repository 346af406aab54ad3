package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormTextTest {

  /** The one problem {@code check} is refused with, after checking the refusal's reason. */
  static Refusal.Problem onlyProblem(Executable check) {
    Refusal refusal = assertThrows(Refusal.class, check);
    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    assertEquals(1, refusal.problems().size(), refusal.problems().toString());
    return refusal.problems().get(0);
  }

  static void assertProblem(String field, String key, Executable check) {
    Refusal.Problem problem = onlyProblem(check);
    assertEquals(field, problem.field(), problem.toString());
    assertEquals(key, problem.key(), problem.toString());
  }

  @Test
  void textIsTrimmed() {
    assertEquals("Zhang San", FormText.text("name", " \t Zhang San \n", 64, true));
  }

  @Test
  void blankRequiredTextIsRefusedAsRequired() {
    assertProblem("name", "field.required", () -> FormText.text("name", "   ", 64, true));
    assertProblem("name", "field.required", () -> FormText.text("name", null, 64, true));
  }

  @Test
  void blankOptionalTextIsNull() {
    assertNull(FormText.text("note", "  ", 64, false));
    assertNull(FormText.text("note", null, 64, false));
  }

  @Test
  void textLongerThanItsMaximumIsRefusedAsTooLong() {
    Refusal.Problem problem = onlyProblem(() -> FormText.text("name", "abcdefghijk", 10, true));

    assertEquals("name", problem.field());
    assertEquals("field.tooLong", problem.key());
    assertEquals("is 11 characters long; at most 10 are accepted", problem.message());
  }

  @Test
  void lengthIsMeasuredAfterTrimming() {
    assertEquals("abcdefghij", FormText.text("name", "  abcdefghij  ", 10, true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b", // NUL
        "a\u0007b", // BEL
        "a\tb", // tab inside the text
        "a\u202Eb", // right-to-left override
        "a\u200Bb", // zero-width space
        "a\uE000b", // private use
        "a\uD800b" // lone surrogate
      })
  void controlFormatAndPrivateCharactersAreRefused(String value) {
    assertProblem("name", "field.controlCharacters", () -> FormText.text("name", value, 64, true));
  }

  @Test
  void chineseAndSupplementaryCharactersAreAccepted() {
    assertEquals("张三𠀀", FormText.text("name", "张三𠀀", 64, true));
  }

  @Test
  void htmlIsAcceptedAsPlainTextByText() {
    assertEquals(
        "<script>alert(1)</script>", FormText.text("note", "<script>alert(1)</script>", 100, true));
  }

  @Test
  void linesKeepLineBreaksAndNormaliseThem() {
    assertEquals("a\nb\nc", FormText.lines("note", "  a\r\nb\rc\n", 100, false));
  }

  @Test
  void linesRefuseControlCharactersOtherThanLineBreaks() {
    assertProblem(
        "note", "field.controlCharacters", () -> FormText.lines("note", "a\n\u0000b", 100, false));
  }

  @Test
  void allReportsTheProblemsOfEveryFailingCheckWithTheirFields() {
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                FormText.all(
                    List.of(
                        () -> FormText.text("applicantName", "", 64, true),
                        () -> FormText.text("organisationName", "fine", 64, true),
                        () -> FormText.text("organisation", "a\u0000b", 64, false),
                        () -> FormText.lines("note", "x".repeat(11), 10, true))));

    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    assertEquals(
        List.of("applicantName", "organisation", "note"),
        refusal.problems().stream().map(Refusal.Problem::field).toList());
    assertEquals(
        List.of("field.required", "field.controlCharacters", "field.tooLong"),
        refusal.problems().stream().map(Refusal.Problem::key).toList());
  }

  @Test
  void allPassesWhenEveryCheckPasses() {
    assertDoesNotThrow(
        () ->
            FormText.all(
                List.of(
                    () -> FormText.text("a", "x", 1, true),
                    () -> FormText.lines("note", "a\nb", 3, true))));
  }
}
