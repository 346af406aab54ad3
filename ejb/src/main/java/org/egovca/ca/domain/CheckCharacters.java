package org.egovca.ca.domain;

/** The check-character algorithms of the Chinese identifier standards. */
final class CheckCharacters {

  private static final int[] ID_CARD_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };
  private static final String ID_CARD_CHECK = "10X98765432";
  private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CheckCharacters() {}

  /** GB 11643 (ISO 7064 MOD 11-2) over an 18-character resident ID card number. */
  static boolean residentIdCard(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * ID_CARD_WEIGHTS[i];
    }
    return number.charAt(17) == ID_CARD_CHECK.charAt(sum % 11);
  }

  /** GB 11714 over a 9-character organisation code (8 characters and the check). */
  static boolean organisationCode(String code) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += Character.digit(code.charAt(i), 36) * ORGANISATION_CODE_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    return code.charAt(8) == expected;
  }

  /** GB 32100 over an 18-character unified social credit code. */
  static boolean unifiedSocialCreditCode(String code) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == USCC_ALPHABET.charAt(check);
  }
}
