package org.egovca.ca.domain;

import java.util.regex.Pattern;

/**
 * The holder identifiers GM/T 0015 can carry in its identity extensions, each with the format (and
 * where one exists, the check character) of its national standard, so that a mistyped number is
 * refused before it is signed into a certificate.
 */
public enum IdentifierKind {
  /** 居民身份证号码, GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character. */
  RESIDENT_ID_CARD("[0-9]{17}[0-9X]", "18 characters: 17 digits and a check digit or X"),
  /** 军官证号码 (2012 edition only). */
  MILITARY_OFFICER_ID("[\\p{L}\\p{N}-]{1,32}", "1 to 32 letters or digits"),
  /** 护照号码. */
  PASSPORT("[A-Z0-9]{5,17}", "5 to 17 capital letters or digits"),
  /** 个人社会保险号. */
  SOCIAL_INSURANCE("[A-Z0-9]{1,32}", "1 to 32 capital letters or digits"),
  /** 企业工商注册号 (the 15-digit registration number before the unified code). */
  IC_REGISTRATION("[0-9]{13}|[0-9]{15}", "13 or 15 digits"),
  /** 组织机构代码, GB 11714: 8 characters and a MOD 11 check character. */
  ORGANISATION_CODE("[0-9A-Z]{8}-?[0-9X]", "8 digits or capital letters and a check character"),
  /** 企业税号 (taxpayer identification number). */
  TAXATION("[0-9A-Z]{15,20}", "15 to 20 digits or capital letters"),
  /** 统一社会信用代码, GB 32100: 18 characters and a MOD 31 check character. */
  UNIFIED_SOCIAL_CREDIT_CODE(
      "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}",
      "18 characters: digits and capital letters other than I, O, S, V and Z");

  private final Pattern format;
  private final String formatDescription;

  IdentifierKind(String format, String formatDescription) {
    this.format = Pattern.compile(format);
    this.formatDescription = formatDescription;
  }

  /** Why {@code value} is not an identifier of this kind, or null when it is one. */
  public String problemWith(String value) {
    if (value == null || !format.matcher(value).matches()) {
      return "is not a " + this + " (" + formatDescription + ")";
    }
    boolean checked =
        switch (this) {
          case RESIDENT_ID_CARD -> CheckCharacters.residentIdCard(value);
          case ORGANISATION_CODE -> CheckCharacters.organisationCode(value.replace("-", ""));
          case UNIFIED_SOCIAL_CREDIT_CODE -> CheckCharacters.unifiedSocialCreditCode(value);
          default -> true;
        };
    return checked ? null : "has a wrong check character for a " + this;
  }
}
