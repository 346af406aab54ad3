package org.egovca.ca.testing;

/** Resident ID numbers (GB 11643) for test applicants, with a correct check character. */
public final class ResidentIds {

  private ResidentIds() {}

  /** {@code first17} with its GB 11643 check character (ISO 7064 MOD 11-2). */
  public static String of(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }
}
