package org.egovca.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.egovca.ra.application.DocumentUpload;

/**
 * The document uploads of a form: a few rows of kind and file, and the documents already read from
 * earlier submits, so that a form refused for another field keeps its attachments.
 */
final class DocumentSlots implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<UploadSlot> slots;
  private final List<DocumentUpload> attached = new ArrayList<>();

  DocumentSlots(int rows) {
    this.slots = new ArrayList<>(IntStream.range(0, rows).mapToObj(i -> new UploadSlot()).toList());
  }

  /**
   * Reads the files chosen in every row ({@code <formId>:document<n>}, kind in {@code
   * documentKind<n>}); false when one could not be taken (its message is next to its row).
   */
  boolean readAll(String formId) {
    boolean allRead = true;
    for (int i = 0; i < slots.size(); i++) {
      UploadSlot slot = slots.get(i);
      boolean read =
          Uploads.read(
              slot.getFile(),
              slot.getKind(),
              formId,
              "document" + (i + 1),
              "documentKind" + (i + 1),
              attached);
      if (read) {
        slot.clear();
      }
      allRead &= read;
    }
    return allRead;
  }

  /** Takes an attached document off the form again. */
  void detach(int index) {
    if (index >= 0 && index < attached.size()) {
      attached.remove(index);
    }
  }

  List<DocumentUpload> documents() {
    return List.copyOf(attached);
  }

  List<UploadSlot> slots() {
    return slots;
  }

  List<DocumentUpload> attached() {
    return attached;
  }
}
