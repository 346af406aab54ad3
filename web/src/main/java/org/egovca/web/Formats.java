package org.egovca.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How pages show values: times in UTC as {@code yyyy-MM-dd HH:mm UTC}, enum constants by their
 * translation ({@code enum.<Type>.<NAME>} in the bundle), sizes in KiB/MiB.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** With seconds, for the audit log and history tables. */
  public String timeSeconds(Instant instant) {
    return instant == null ? "" : SECONDS.format(instant);
  }

  public String day(Object date) {
    if (date instanceof Instant instant) {
      return DAY.format(instant);
    }
    if (date instanceof LocalDate local) {
      return local.toString();
    }
    return date == null ? "" : date.toString();
  }

  /** The translation of an enum constant, or its name when the bundle has none. */
  public String label(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Enum<?> constant) {
      return labelOf(constant.getDeclaringClass().getSimpleName(), constant.name());
    }
    return value.toString();
  }

  /** The translation of a constant named as text, e.g. ("RevocationReason", "E_KEY_COMPROMISE"). */
  public String labelOf(String type, String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String translated = Feedback.translation("enum." + type + "." + name);
    return translated == null ? name : translated;
  }

  /** Translations of several constants, joined. */
  public String labels(Collection<?> values) {
    if (values == null || values.isEmpty()) {
      return "";
    }
    return values.stream().map(this::label).sorted().collect(Collectors.joining(", "));
  }

  public String yesNo(boolean value) {
    return Feedback.text(value ? "common.yes" : "common.no");
  }

  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KiB", bytes / 1024.0);
    }
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /** The size of some bytes, as {@link #size}. */
  public String sizeOf(byte[] content) {
    return size(content == null ? 0 : content.length);
  }

  /** A long hex string (serial, fingerprint) in groups of two, for reading aloud. */
  public String hexGroups(String hex) {
    if (hex == null) {
      return "";
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        grouped.append(':');
      }
      grouped.append(hex, i, Math.min(i + 2, hex.length()));
    }
    return grouped.toString().toUpperCase(java.util.Locale.ROOT);
  }
}
