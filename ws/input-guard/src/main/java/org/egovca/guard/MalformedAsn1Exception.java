package org.egovca.guard;

/** An encoding {@link Asn1Limits} refuses; the message names the problem for the caller. */
public final class MalformedAsn1Exception extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedAsn1Exception(String message) {
    super(message);
  }
}
