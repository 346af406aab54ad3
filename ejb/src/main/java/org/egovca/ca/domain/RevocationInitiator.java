package org.egovca.ca.domain;

import java.util.Optional;

/** Who asked for a revocation (CPS §6.1.4.8.2); forced revocations come from the RA or the CA. */
public enum RevocationInitiator {
  HOLDER,
  RA,
  CA,
  RELYING_PARTY,
  JUDICIAL_AUTHORITY;

  public static Optional<RevocationInitiator> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.strip().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
