package org.egovca.ra.domain.validation;

import java.util.Set;
import org.egovca.ca.domain.IdentifierKind;

/** The identity documents a person may present (GM/T 0015 identifier kinds). */
public final class PersonalDocuments {

  public static final Set<IdentifierKind> KINDS =
      Set.of(
          IdentifierKind.RESIDENT_ID_CARD,
          IdentifierKind.PASSPORT,
          IdentifierKind.MILITARY_OFFICER_ID,
          IdentifierKind.SOCIAL_INSURANCE);

  private PersonalDocuments() {}

  /** The kind named {@code name} (trimmed) if a person may present it, else null. */
  public static IdentifierKind kind(String name) {
    if (name == null) {
      return null;
    }
    String text = name.strip();
    return KINDS.stream().filter(k -> k.name().equals(text)).findFirst().orElse(null);
  }
}
