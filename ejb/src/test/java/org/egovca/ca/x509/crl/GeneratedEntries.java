package org.egovca.ca.x509.crl;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A large entry source that computes every entry from its index and keeps none, as a database
 * cursor would: ascending serials above 2^64, revocation times a second apart, reasons cycling
 * through the values a complete CRL may carry and absent every eleventh entry, an invalidityDate
 * every seventh.
 */
final class GeneratedEntries implements EntrySource {

  static final BigInteger FIRST_SERIAL = BigInteger.ONE.shiftLeft(64);
  private static final int[] REASONS = {1, 2, 3, 4, 5, 6, 9, 10, 0};

  private final int count;
  private final Instant start;
  private int opened;

  GeneratedEntries(int count, Instant start) {
    this.count = count;
    this.start = start;
  }

  /** How many passes were started. */
  int opened() {
    return opened;
  }

  static BigInteger serial(int index) {
    return FIRST_SERIAL.add(BigInteger.valueOf(index * 7L));
  }

  @Override
  public Iterator<RevokedEntry> open() {
    opened++;
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public RevokedEntry next() {
        if (next >= count) {
          throw new NoSuchElementException();
        }
        int index = next++;
        Instant revoked = start.plusSeconds(index);
        Integer reason = index % 11 == 10 ? null : REASONS[index % REASONS.length];
        Instant invalidity = index % 7 == 0 ? revoked.minusSeconds(86_400) : null;
        return new RevokedEntry(serial(index), revoked, reason, invalidity);
      }
    };
  }
}
