package org.egovca.web;

import jakarta.servlet.http.Part;
import java.io.Serializable;
import org.egovca.ra.domain.DocumentKind;

/** One row of a form's document uploads: the kind of document and the file chosen for it. */
public class UploadSlot implements Serializable {

  private static final long serialVersionUID = 1L;

  private DocumentKind kind;
  private transient Part file;

  public DocumentKind getKind() {
    return kind;
  }

  public void setKind(DocumentKind kind) {
    this.kind = kind;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  void clear() {
    kind = null;
    file = null;
  }
}
