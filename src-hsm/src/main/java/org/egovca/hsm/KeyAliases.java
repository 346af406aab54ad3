package org.egovca.hsm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rule every token applies to key aliases: 1 to 64 characters from {@code A-Z a-z 0-9 . _ -},
 * safe as a file name, a PKCS#11 label and in a log line.
 */
public final class KeyAliases {
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private KeyAliases() {}

  /** Whether {@code alias} follows the rule. */
  public static boolean isValid(String alias) {
    return alias != null && ALIAS.matcher(alias).matches();
  }

  /**
   * Refuses an alias that does not follow the rule.
   *
   * @throws IllegalArgumentException naming the alias and the rule
   */
  public static void requireValid(String alias) {
    Objects.requireNonNull(alias, "alias");
    if (!isValid(alias)) {
      throw new IllegalArgumentException(
          "invalid key alias \"" + alias + "\": use 1 to 64 characters from A-Z a-z 0-9 . _ -");
    }
  }
}
