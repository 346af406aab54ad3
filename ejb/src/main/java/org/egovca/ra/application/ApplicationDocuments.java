package org.egovca.ra.application;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.egovca.ca.domain.CertificateType;
import org.egovca.ca.domain.Refusal;
import org.egovca.ra.domain.DocumentKind;

/**
 * What scanned documents must accompany an application (CPS §6.1.3.2.2-6.1.3.2.4), and which files
 * are accepted as scans: PDF, JPEG and PNG, recognised by their content, not their name.
 */
final class ApplicationDocuments {

  private ApplicationDocuments() {}

  /**
   * The document kinds an application of {@code type} needs, with or without an agent, and with the
   * applicant's written request when the CA is to generate the key pair (CPS §6.1.4.10.1).
   */
  static Set<DocumentKind> required(CertificateType type, boolean agent, boolean keyGeneration) {
    Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
    kinds.add(
        type == CertificateType.PERSONAL
            ? DocumentKind.ID_DOCUMENT
            : DocumentKind.BUSINESS_LICENCE);
    if (agent) {
      kinds.add(DocumentKind.ID_DOCUMENT);
      kinds.add(DocumentKind.AUTHORISATION_LETTER);
    }
    if (keyGeneration) {
      kinds.add(DocumentKind.KEY_GENERATION_REQUEST);
    }
    return kinds;
  }

  /** Refuses unless every required kind is among {@code uploads}. */
  static void requireAll(Set<DocumentKind> required, List<DocumentUpload> uploads) {
    Set<DocumentKind> missing = EnumSet.noneOf(DocumentKind.class);
    missing.addAll(required);
    for (DocumentUpload upload : uploads) {
      missing.remove(upload.kind());
    }
    if (!missing.isEmpty()) {
      throw Refusal.invalid(
          "documents",
          "document.missing",
          "the application is incomplete: scans of " + missing + " are required");
    }
  }

  /** The content type of an accepted scan, or a refusal naming the problem. */
  static String contentType(DocumentUpload upload) {
    byte[] content = upload.content();
    if (upload.kind() == null) {
      throw Refusal.invalid("documents", "document.kind", "each document needs its kind");
    }
    if (content.length == 0) {
      throw Refusal.invalid(
          "documents", "document.empty", fileName(upload.fileName()) + " is empty");
    }
    if (content.length > DocumentUpload.MAX_BYTES) {
      throw Refusal.invalid(
          "documents",
          "document.tooLarge",
          fileName(upload.fileName())
              + " is "
              + content.length
              + " bytes; at most "
              + DocumentUpload.MAX_BYTES
              + " are accepted");
    }
    if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
      return "application/pdf";
    }
    if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    throw Refusal.invalid(
        "documents",
        "document.type",
        fileName(upload.fileName()) + " is not a PDF, JPEG or PNG scan");
  }

  /** The file name without any directory, control characters or excess length. */
  static String fileName(String given) {
    String name = given == null ? "" : given;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    if (result.isEmpty()) {
      result = "document";
    }
    if (result.codePointCount(0, result.length()) > 200) {
      result = result.substring(0, result.offsetByCodePoints(0, 200));
    }
    return result;
  }

  private static boolean startsWith(byte[] content, int... prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((content[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static List<DocumentUpload> orEmpty(List<DocumentUpload> uploads) {
    List<DocumentUpload> list = new ArrayList<>();
    if (uploads != null) {
      for (DocumentUpload upload : uploads) {
        if (upload != null) {
          list.add(upload);
        }
      }
    }
    return list;
  }
}
