package org.egovca.ca.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The persistence unit lists its classes ({@code exclude-unlisted-classes}): an entity that is not
 * listed is unknown to every query at run time, which only a deployment would otherwise show.
 */
class PersistenceUnitTest {

  @Test
  void everyEntityAndConverterIsListedAndNothingElse() throws Exception {
    Set<String> listed = new TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/persistence.xml")) {
      Matcher matcher =
          Pattern.compile("<class>([^<]+)</class>")
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (matcher.find()) {
        listed.add(matcher.group(1).strip());
      }
    }
    assertEquals(mapped(), listed);
  }

  /** The classes of the ejb module annotated {@code @Entity} or {@code @Converter}. */
  private static Set<String> mapped() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target/classes");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files
          .filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
          .forEach(
              f -> {
                String relative = classes.relativize(f).toString();
                names.add(relative.substring(0, relative.length() - 6).replace('/', '.'));
              });
    }
    Set<String> mapped = new TreeSet<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, PersistenceUnitTest.class.getClassLoader());
      if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Converter.class)) {
        mapped.add(name);
      }
    }
    return mapped;
  }
}
