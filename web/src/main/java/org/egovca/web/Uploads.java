package org.egovca.web;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.egovca.ra.application.DocumentUpload;
import org.egovca.ra.domain.DocumentKind;

/**
 * Reads the files of a form's upload fields. A field without a file is skipped; a file without a
 * kind or larger than {@link DocumentUpload#MAX_BYTES} gets a message next to its field and is not
 * read (the RA service checks type and size again when it stores the document).
 */
final class Uploads {

  private Uploads() {}

  /**
   * Adds the file of {@code part} to {@code into}; false (with a message next to {@code fileField}
   * or {@code kindField}) when it cannot be taken.
   */
  static boolean read(
      Part part,
      DocumentKind kind,
      String formId,
      String fileField,
      String kindField,
      List<DocumentUpload> into) {
    if (!present(part)) {
      return true;
    }
    if (part.getSize() > DocumentUpload.MAX_BYTES) {
      Feedback.fieldError(formId, fileField, "document.tooLarge");
      return false;
    }
    if (kind == null) {
      Feedback.fieldError(formId, kindField, "document.kindMissing");
      return false;
    }
    try (InputStream in = part.getInputStream()) {
      into.add(new DocumentUpload(kind, fileName(part), in.readAllBytes()));
      return true;
    } catch (IOException e) {
      Feedback.fieldError(formId, fileField, "document.unreadable");
      return false;
    }
  }

  static boolean present(Part part) {
    return part != null
        && (part.getSize() > 0
            || (part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank()));
  }

  /** The file's name without any directory a browser may send along. */
  private static String fileName(Part part) {
    String name = part.getSubmittedFileName();
    if (name == null) {
      return "document";
    }
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String bare = name.substring(slash + 1).strip();
    return bare.isEmpty() ? "document" : bare;
  }
}
