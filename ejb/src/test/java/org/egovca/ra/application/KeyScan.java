package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.bouncycastle.util.Arrays;
import org.egovca.ca.testing.Pkcs12Contents;
import org.egovca.servicetier.ServiceTier;

/**
 * Looks for a private key wherever the CA writes: every bytea and text column of every table of its
 * database, every file of its data directory (the tokens' included), and what it logged while it
 * was watched. It looks for the key's secret (the private scalar or exponent) and its DER PKCS#8
 * encoding as bytes, in hexadecimal and in base64.
 */
final class KeyScan {

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler handler;

  private KeyScan() {
    SimpleFormatter formatter = new SimpleFormatter();
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(formatter.format(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(handler);
  }

  /** Starts collecting what the services log. */
  static KeyScan watchingTheLog() {
    return new KeyScan();
  }

  void stopWatching() {
    Logger.getLogger("").removeHandler(handler);
  }

  /**
   * Neither the database, nor the data directory, nor the log holds the key of {@code contents}.
   */
  void assertNowhere(Pkcs12Contents contents) throws IOException {
    assertNotInTheDatabase(contents);
    byte[][] needles = needles(contents);
    assertEquals(List.of(), filesHolding(ServiceTier.dataDirectory(), needles));
    for (String line : logged) {
      for (String text : texts(needles)) {
        assertFalse(line.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)), line);
      }
    }
  }

  /** No cell of the database holds the key of {@code contents}. */
  static void assertNotInTheDatabase(Pkcs12Contents contents) throws IOException {
    // the scan finds what is there: the certificate's public key is in the generated key's row
    byte[] publicKey = contents.certificates().get(0).getSubjectPublicKeyInfo().getEncoded();
    assertFalse(cellsHolding(new byte[][] {publicKey}).isEmpty(), "the scan sees bytea cells");
    assertEquals(List.of(), cellsHolding(needles(contents)));
  }

  private static byte[][] needles(Pkcs12Contents contents) {
    try {
      return new byte[][] {contents.secret(), contents.privateKey().getEncoded()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each needle in hexadecimal and in base64. */
  private static List<String> texts(byte[][] needles) {
    List<String> texts = new ArrayList<>();
    for (byte[] needle : needles) {
      texts.add(HexFormat.of().formatHex(needle));
      texts.add(Base64.getEncoder().encodeToString(needle));
    }
    return texts;
  }

  /** "table.column" of every cell holding a needle as bytes or as text. */
  @SuppressWarnings("unchecked")
  private static List<String> cellsHolding(byte[][] needles) {
    return ServiceTier.inTransaction(
        em -> {
          List<String> found = new ArrayList<>();
          List<Object[]> columns =
              em.createNativeQuery(
                      "SELECT table_name, column_name, data_type FROM information_schema.columns"
                          + " WHERE table_schema = current_schema() AND data_type IN"
                          + " ('bytea', 'text', 'character varying', 'character')")
                  .getResultList();
          for (Object[] column : columns) {
            String cell = "\"" + column[0] + "\".\"" + column[1] + "\"";
            boolean binary = "bytea".equals(column[2]);
            List<Object> values = new ArrayList<>();
            if (binary) {
              values.addAll(List.of((Object[]) needles));
            } else {
              values.addAll(texts(needles));
            }
            for (Object value : values) {
              String condition =
                  binary
                      ? "POSITION(CAST(?1 AS BYTEA) IN \"" + column[1] + "\") > 0"
                      : "POSITION(LOWER(CAST(?1 AS TEXT)) IN LOWER(\"" + column[1] + "\")) > 0";
              Number count =
                  (Number)
                      em.createNativeQuery(
                              "SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE " + condition)
                          .setParameter(1, value)
                          .getSingleResult();
              if (count.longValue() > 0) {
                found.add(cell);
              }
            }
          }
          return found;
        });
  }

  /** The files under {@code directory} that hold a needle as bytes or as text. */
  private static List<String> filesHolding(Path directory, byte[][] needles) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (byte[] needle : needles) {
          if (indexOf(content, needle) >= 0) {
            found.add(file.toString());
          }
        }
        for (String needle : texts(needles)) {
          if (text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))) {
            found.add(file.toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static int indexOf(byte[] content, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= content.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (content[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return Arrays.isNullOrEmpty(needle) ? 0 : -1;
  }
}
