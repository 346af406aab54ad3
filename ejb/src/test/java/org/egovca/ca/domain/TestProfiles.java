package org.egovca.ca.domain;

import java.util.Map;
import java.util.Properties;

/** The shipped profile definitions for unit tests, which run without the database. */
public final class TestProfiles {

  private TestProfiles() {}

  /** The shipped definition of {@code name}, as text. */
  public static String definition(String name) {
    return ProfileDefinitions.bundled().stream()
        .filter(text -> properties(text).getProperty("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no shipped profile " + name));
  }

  /** The shipped profile {@code name}. */
  public static CertificateProfile named(String name) {
    return ProfileDefinitions.parse(definition(name));
  }

  /** The shipped profile {@code name} with some keys of its definition changed. */
  public static CertificateProfile changed(String name, Map<String, String> changes) {
    return ProfileDefinitions.parse(changedDefinition(name, changes));
  }

  /** The shipped definition of {@code name} with some keys changed, as text. */
  public static String changedDefinition(String name, Map<String, String> changes) {
    StringBuilder text = new StringBuilder();
    for (String line : definition(name).split("\\R")) {
      String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : null;
      text.append(key != null && changes.containsKey(key) ? key + "=" + changes.get(key) : line)
          .append('\n');
    }
    return text.toString();
  }

  private static Properties properties(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new java.io.StringReader(text));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }
}
