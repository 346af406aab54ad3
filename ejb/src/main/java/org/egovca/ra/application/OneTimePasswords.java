package org.egovca.ra.application;

import java.security.SecureRandom;
import org.egovca.ra.domain.PasswordPolicy;

/**
 * One-time passwords the security administrator hands over (or the first start prints): random, and
 * themselves within the rules of CPS §6.5.2.4, so the operator can log in with them once.
 */
final class OneTimePasswords {

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimePasswords() {}

  static char[] create(String username, String displayName) {
    while (true) {
      char[] password = new char[16];
      for (int i = 0; i < password.length; i++) {
        password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
      }
      if (PasswordPolicy.violations(new String(password), username, displayName).isEmpty()) {
        return password;
      }
    }
  }
}
