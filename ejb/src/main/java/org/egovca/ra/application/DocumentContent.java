package org.egovca.ra.application;

import java.io.Serializable;

/** A stored document's bytes, with the hash they were stored with and whether they still match. */
public record DocumentContent(
    String fileName, String contentType, byte[] content, String sha256, boolean intact)
    implements Serializable {

  public DocumentContent {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
