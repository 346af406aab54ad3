package org.egovca.ra.application;

import static org.egovca.ra.application.FormTextTest.assertProblem;
import static org.egovca.ra.application.FormTextTest.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.egovca.ca.domain.CertificateType;
import org.egovca.ca.domain.Refusal;
import org.egovca.ra.domain.DocumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationDocumentsTest {

  private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

  private static DocumentUpload upload(String name, byte[] content) {
    return new DocumentUpload(DocumentKind.ID_DOCUMENT, name, content);
  }

  @Test
  void pdfIsRecognisedByItsMagicBytes() {
    assertEquals("application/pdf", ApplicationDocuments.contentType(upload("scan", PDF)));
  }

  @Test
  void jpegIsRecognisedByItsMagicBytes() {
    assertEquals("image/jpeg", ApplicationDocuments.contentType(upload("scan.pdf", JPEG)));
  }

  @Test
  void pngIsRecognisedByItsMagicBytes() {
    assertEquals("image/png", ApplicationDocuments.contentType(upload("scan.jpg", PNG)));
  }

  @Test
  void textFileRenamedPdfIsRefusedAsWrongType() {
    Refusal.Problem problem =
        onlyProblem(
            () ->
                ApplicationDocuments.contentType(
                    upload("../scan.pdf", "hello, world".getBytes(StandardCharsets.US_ASCII))));

    assertEquals("documents", problem.field());
    assertEquals("document.type", problem.key());
    assertEquals("scan.pdf is not a PDF, JPEG or PNG scan", problem.message());
  }

  @Test
  void truncatedPngSignatureIsRefusedAsWrongType() {
    assertProblem(
        "documents",
        "document.type",
        () -> ApplicationDocuments.contentType(upload("x.png", Arrays.copyOf(PNG, 5))));
  }

  @Test
  void emptyFileIsRefused() {
    assertProblem(
        "documents",
        "document.empty",
        () -> ApplicationDocuments.contentType(upload("scan.pdf", new byte[0])));
    assertProblem(
        "documents",
        "document.empty",
        () -> ApplicationDocuments.contentType(upload("scan.pdf", null)));
  }

  @Test
  void documentWithoutKindIsRefused() {
    assertProblem(
        "documents",
        "document.kind",
        () -> ApplicationDocuments.contentType(new DocumentUpload(null, "scan.pdf", PDF)));
  }

  @Test
  void fileOfExactlyFiveMebibytesIsAccepted() {
    byte[] content = Arrays.copyOf(PDF, 5 * 1024 * 1024);

    assertEquals("application/pdf", ApplicationDocuments.contentType(upload("big.pdf", content)));
  }

  @Test
  void fileLargerThanFiveMebibytesIsRefused() {
    byte[] content = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);

    Refusal.Problem problem =
        onlyProblem(() -> ApplicationDocuments.contentType(upload("big.pdf", content)));
    assertEquals("document.tooLarge", problem.key());
    assertEquals("big.pdf is 5242881 bytes; at most 5242880 are accepted", problem.message());
  }

  /**
   * The empty-file message quotes the cleaned {@link ApplicationDocuments#fileName}, like the other
   * messages, never the raw name with its directories and control characters.
   */
  @Test
  void emptyFileMessageNamesTheCleanedFileName() {
    Refusal.Problem problem =
        onlyProblem(
            () ->
                ApplicationDocuments.contentType(upload("../../etc/scan\u202E.pdf", new byte[0])));
    assertEquals("scan.pdf is empty", problem.message());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../../etc/passwd | passwd",
        "C:\\x\\scan.pdf | scan.pdf",
        "/home/clerk/scans/身份证.pdf | 身份证.pdf",
        "mixed/dir\\name.png | name.png",
        "  scan.pdf  | scan.pdf"
      })
  void fileNamesAreStrippedOfDirectories(String given, String expected) {
    assertEquals(expected, ApplicationDocuments.fileName(given));
  }

  @Test
  void fileNamesAreStrippedOfControlAndFormatCharacters() {
    assertEquals("scanfdp.pdf", ApplicationDocuments.fileName("scan\u0000\u202Efdp.pdf\u0007"));
  }

  @Test
  void missingOrEmptyFileNameBecomesDocument() {
    assertEquals("document", ApplicationDocuments.fileName(null));
    assertEquals("document", ApplicationDocuments.fileName("some/dir/"));
    assertEquals("document", ApplicationDocuments.fileName("\u0000\u0001"));
  }

  @Test
  void longFileNameIsCutTo200Characters() {
    assertEquals("a".repeat(200), ApplicationDocuments.fileName("a".repeat(300)));
  }

  /**
   * The 200-character cut counts characters, not UTF-16 units, so it never leaves half a surrogate
   * pair at the end of the stored name.
   */
  @Test
  void longFileNameIsNotCutInsideACharacter() {
    String name = ApplicationDocuments.fileName("a".repeat(199) + "𠀀𠀀");

    assertFalse(Character.isHighSurrogate(name.charAt(name.length() - 1)), name);
    assertEquals(200, name.codePointCount(0, name.length()));
  }

  @Test
  void personalApplicationNeedsTheIdDocument() {
    assertEquals(
        EnumSet.of(DocumentKind.ID_DOCUMENT),
        ApplicationDocuments.required(CertificateType.PERSONAL, false, false));
  }

  @Test
  void organisationApplicationNeedsTheBusinessLicence() {
    assertEquals(
        EnumSet.of(DocumentKind.BUSINESS_LICENCE),
        ApplicationDocuments.required(CertificateType.ORGANISATION, false, false));
  }

  @Test
  void deviceApplicationNeedsTheBusinessLicence() {
    assertEquals(
        EnumSet.of(DocumentKind.BUSINESS_LICENCE),
        ApplicationDocuments.required(CertificateType.DEVICE_SSL, false, false));
  }

  @Test
  void applicationByAnAgentAlsoNeedsTheAgentsIdAndTheAuthorisationLetter() {
    assertEquals(
        EnumSet.of(
            DocumentKind.BUSINESS_LICENCE,
            DocumentKind.ID_DOCUMENT,
            DocumentKind.AUTHORISATION_LETTER),
        ApplicationDocuments.required(CertificateType.ORGANISATION, true, false));
    assertEquals(
        EnumSet.of(DocumentKind.ID_DOCUMENT, DocumentKind.AUTHORISATION_LETTER),
        ApplicationDocuments.required(CertificateType.PERSONAL, true, false));
  }

  @Test
  void aKeyPairTheCaGeneratesNeedsTheApplicantsWrittenRequest() {
    assertEquals(
        EnumSet.of(DocumentKind.ID_DOCUMENT, DocumentKind.KEY_GENERATION_REQUEST),
        ApplicationDocuments.required(CertificateType.PERSONAL, false, true));
  }

  @Test
  void requireAllNamesWhatIsMissing() {
    Refusal.Problem problem =
        onlyProblem(
            () ->
                ApplicationDocuments.requireAll(
                    ApplicationDocuments.required(CertificateType.ORGANISATION, true, false),
                    List.of(upload("id.pdf", PDF))));

    assertEquals("documents", problem.field());
    assertEquals("document.missing", problem.key());
    assertEquals(
        "the application is incomplete: scans of [BUSINESS_LICENCE, AUTHORISATION_LETTER] are"
            + " required",
        problem.message());
  }

  @Test
  void requireAllPassesWhenEveryKindIsThere() {
    assertDoesNotThrow(
        () ->
            ApplicationDocuments.requireAll(
                EnumSet.of(DocumentKind.ID_DOCUMENT, DocumentKind.AUTHORISATION_LETTER),
                List.of(
                    upload("id.pdf", PDF),
                    new DocumentUpload(DocumentKind.AUTHORISATION_LETTER, "letter.pdf", PDF),
                    new DocumentUpload(DocumentKind.OTHER, "extra.pdf", PDF))));
  }

  @Test
  void orEmptyDropsNullUploadsAndAcceptsNoList() {
    List<DocumentUpload> withNull = new ArrayList<>();
    withNull.add(null);
    DocumentUpload id = upload("id.pdf", PDF);
    withNull.add(id);

    assertEquals(List.of(), ApplicationDocuments.orEmpty(null));
    assertEquals(List.of(id), ApplicationDocuments.orEmpty(withNull));
  }

  @Test
  void uploadKeepsItsOwnCopyOfTheContent() {
    byte[] content = PDF.clone();
    DocumentUpload upload = upload("id.pdf", content);
    content[0] = 'x';
    upload.content()[1] = 'x';

    assertEquals("application/pdf", ApplicationDocuments.contentType(upload));
  }
}
