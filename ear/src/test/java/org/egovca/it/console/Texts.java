package org.egovca.it.console;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The console's texts as its resource bundles define them (Chinese: {@code messages.properties},
 * English: {@code messages_en.properties} of the web module), so that tests assert the message a
 * rule or refusal is shown with, not a copy of its wording.
 */
final class Texts {

  /** The repository's root directory (the tests run in {@code ear/}). */
  static final Path REPOSITORY = repository();

  private static final Properties CHINESE = load("messages.properties");
  private static final Properties ENGLISH = load("messages_en.properties");

  private Texts() {}

  static String zh(String key, Object... arguments) {
    return text(CHINESE, Locale.SIMPLIFIED_CHINESE, key, arguments);
  }

  static String en(String key, Object... arguments) {
    return text(ENGLISH, Locale.ENGLISH, key, arguments);
  }

  private static String text(Properties bundle, Locale locale, String key, Object... arguments) {
    String pattern = bundle.getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("the console's bundle has no key " + key);
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  private static Properties load(String file) {
    Path path = REPOSITORY.resolve("web/src/main/resources/org/egovca/web").resolve(file);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static Path repository() {
    Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = directory; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("web/src/main/resources"))
          && Files.isDirectory(d.resolve("ear"))) {
        return d;
      }
    }
    throw new IllegalStateException("not inside the repository: " + directory);
  }
}
