package org.egovca.ca.x509.crl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * CRL times as RFC 5280 §5.1.2.4–5.1.2.6 and GM/T 0015 §5.3.2 want them: seconds precision, UTC,
 * UTCTime {@code YYMMDDHHMMSSZ} for the years 1950 to 2049 and GeneralizedTime {@code
 * YYYYMMDDHHMMSSZ} otherwise (the same choice as BouncyCastle's {@code Time(Date)}); invalidityDate
 * is always GeneralizedTime (RFC 5280 §5.3.2). Encoded by hand because a CRL holds one time per
 * entry and formatting through {@code SimpleDateFormat} would dominate the writing time.
 */
final class DerTime {

  private static final long UTC_TIME_FROM = Instant.parse("1950-01-01T00:00:00Z").getEpochSecond();
  private static final long UTC_TIME_UNTIL = Instant.parse("2050-01-01T00:00:00Z").getEpochSecond();
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** Encoded length of a UTCTime TLV. */
  private static final int UTC_TIME_LENGTH = 2 + 13;

  /** Encoded length of a GeneralizedTime TLV. */
  static final int GENERALIZED_TIME_LENGTH = 2 + 15;

  private DerTime() {}

  /**
   * {@code time} without its fraction of a second, which a CRL cannot carry.
   *
   * @throws IllegalArgumentException if the year is outside 0001–9999, which GeneralizedTime cannot
   *     express
   */
  static Instant toSeconds(Instant time, String field) {
    Objects.requireNonNull(time, field);
    Instant seconds = time.truncatedTo(ChronoUnit.SECONDS);
    if (seconds.isBefore(EARLIEST) || seconds.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          field + " " + time + " is outside the years 0001 to 9999 that X.509 times can express");
    }
    return seconds;
  }

  /** Encoded length of the RFC 5280 Time for {@code epochSecond}. */
  static int timeLength(long epochSecond) {
    return isUtcTime(epochSecond) ? UTC_TIME_LENGTH : GENERALIZED_TIME_LENGTH;
  }

  /** Writes the RFC 5280 Time (UTCTime or GeneralizedTime); returns the next position. */
  static int putTime(byte[] buffer, int position, long epochSecond) {
    return isUtcTime(epochSecond)
        ? put(buffer, position, Der.UTC_TIME, epochSecond, false)
        : put(buffer, position, Der.GENERALIZED_TIME, epochSecond, true);
  }

  /** Writes a GeneralizedTime; returns the next position. */
  static int putGeneralizedTime(byte[] buffer, int position, long epochSecond) {
    return put(buffer, position, Der.GENERALIZED_TIME, epochSecond, true);
  }

  /** The RFC 5280 Time for {@code time} as a standalone TLV. */
  static byte[] time(Instant time) {
    long epochSecond = time.getEpochSecond();
    byte[] encoded = new byte[timeLength(epochSecond)];
    putTime(encoded, 0, epochSecond);
    return encoded;
  }

  private static boolean isUtcTime(long epochSecond) {
    return epochSecond >= UTC_TIME_FROM && epochSecond < UTC_TIME_UNTIL;
  }

  private static int put(
      byte[] buffer, int position, int tag, long epochSecond, boolean fourDigitYear) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    buffer[position++] = (byte) tag;
    buffer[position++] = (byte) (fourDigitYear ? 15 : 13);
    int year = time.getYear();
    if (fourDigitYear) {
      position = putDigits(buffer, position, year / 100);
    }
    position = putDigits(buffer, position, year % 100);
    position = putDigits(buffer, position, time.getMonthValue());
    position = putDigits(buffer, position, time.getDayOfMonth());
    position = putDigits(buffer, position, time.getHour());
    position = putDigits(buffer, position, time.getMinute());
    position = putDigits(buffer, position, time.getSecond());
    buffer[position++] = 'Z';
    return position;
  }

  private static int putDigits(byte[] buffer, int position, int twoDigits) {
    buffer[position++] = (byte) ('0' + twoDigits / 10);
    buffer[position++] = (byte) ('0' + twoDigits % 10);
    return position;
  }
}
