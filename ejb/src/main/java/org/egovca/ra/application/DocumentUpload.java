package org.egovca.ra.application;

import java.io.Serializable;
import org.egovca.ra.domain.DocumentKind;

/** A scanned document as uploaded: PDF, JPEG or PNG, at most {@link #MAX_BYTES}. */
public record DocumentUpload(DocumentKind kind, String fileName, byte[] content)
    implements Serializable {

  public static final int MAX_BYTES = 5 * 1024 * 1024;

  public DocumentUpload {
    content = content == null ? new byte[0] : content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
