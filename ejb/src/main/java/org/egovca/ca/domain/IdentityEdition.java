package org.egovca.ca.domain;

/**
 * Which edition of the GM/T 0015 identity extensions a profile writes: the 2012 OIDs
 * (1.2.156.10260.4.1.1–5, which e-government applications read today) or the 2023 ones (…4.1.1.1,
 * …4.1.1.2, …4.4).
 */
public enum IdentityEdition {
  NONE,
  GMT0015_2012,
  GMT0015_2023;

  /** Whether this edition defines an extension for identifiers of {@code kind}. */
  public boolean supports(IdentifierKind kind) {
    return switch (this) {
      case NONE -> false;
      case GMT0015_2012 -> kind != IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE;
      case GMT0015_2023 ->
          kind == IdentifierKind.RESIDENT_ID_CARD
              || kind == IdentifierKind.PASSPORT
              || kind == IdentifierKind.SOCIAL_INSURANCE
              || kind == IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE;
    };
  }
}
