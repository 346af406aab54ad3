package org.egovca.guard;

import java.io.ByteArrayOutputStream;

/**
 * The constructed elements a walk of {@link Asn1Limits} is inside, innermost last, with the
 * segments of the outermost open constructed OCTET or BIT STRING concatenated as BouncyCastle's
 * {@code getOctets()} concatenates them, to be walked as an encoding when that string closes.
 */
final class OpenContainers {

  // ends[i]: where the i-th open container ends, or BerHeader.INDEFINITE (it ends at its EOC)
  private final int[] ends = new int[Asn1Limits.MAX_DEPTH + 1];
  private final int outerEnd;
  private int count;
  private int gatheringAt = -1; // the index in ends of the string whose segments are gathered
  private ByteArrayOutputStream gathered;

  /** No container open yet; the walk's elements end at {@code outerEnd}. */
  OpenContainers(int outerEnd) {
    this.outerEnd = outerEnd;
  }

  int count() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** Where the innermost definite-length container ends (indefinite ones end at their EOC). */
  int limit() {
    for (int i = count - 1; i >= 0; i--) {
      if (ends[i] != BerHeader.INDEFINITE) {
        return ends[i];
      }
    }
    return outerEnd;
  }

  boolean innermostIsIndefinite() {
    return count > 0 && ends[count - 1] == BerHeader.INDEFINITE;
  }

  boolean innermostEndsAt(int at) {
    return count > 0 && ends[count - 1] == at;
  }

  /** Opens a container ending at {@code end}; a constructed string's segments are gathered. */
  void open(int end, boolean constructedString) {
    if (constructedString && gathered == null) {
      gatheringAt = count;
      gathered = new ByteArrayOutputStream();
    }
    ends[count++] = end;
  }

  /**
   * Closes the innermost container; returns the gathered content when it was the string whose
   * segments were gathered, otherwise null.
   */
  byte[] closeInnermost() {
    count--;
    if (count != gatheringAt) {
      return null;
    }
    byte[] content = gathered.toByteArray();
    gatheringAt = -1;
    gathered = null;
    return content;
  }

  boolean gathering() {
    return gathered != null;
  }

  void gather(byte[] bytes, int from, int to) {
    gathered.write(bytes, from, to - from);
  }
}
