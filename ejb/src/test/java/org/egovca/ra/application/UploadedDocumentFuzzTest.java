package org.egovca.ra.application;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import org.egovca.ca.domain.Refusal;
import org.egovca.ra.domain.DocumentKind;

/**
 * Fuzzes what the RA does with an uploaded scan before storing it: the content type recognised from
 * its bytes and the file name cleaned of directories and control characters. Contract: a PDF, JPEG
 * or PNG type or a refusal (Refusal) naming the problem, never another exception; a file name that
 * is never empty, has no directory separator or control character and at most 200 characters.
 */
class UploadedDocumentFuzzTest {

  private static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

  @FuzzTest(maxDuration = "15s")
  void aScanIsRecognisedOrRefusedAndItsNameIsClean(FuzzedDataProvider data) {
    DocumentKind[] kinds = DocumentKind.values();
    int kind = data.consumeInt(-1, kinds.length - 1);
    String name = data.consumeBoolean() ? null : data.consumeString(400);
    byte[] content = data.consumeRemainingAsBytes();
    try {
      String type =
          ApplicationDocuments.contentType(
              new DocumentUpload(kind < 0 ? null : kinds[kind], name, content));
      if (!TYPES.contains(type)) {
        throw new AssertionError("accepted as " + type);
      }
    } catch (Refusal refused) {
      // the typed refusal, with its message next to the field
    }
    String clean = ApplicationDocuments.fileName(name);
    if (clean.isEmpty()
        || clean.indexOf('/') >= 0
        || clean.indexOf('\\') >= 0
        || clean.codePoints().anyMatch(Character::isISOControl)
        || clean.codePointCount(0, clean.length()) > 200) {
      throw new AssertionError("file name " + clean + " from " + name);
    }
  }
}
