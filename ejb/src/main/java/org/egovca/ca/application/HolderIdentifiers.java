package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.INVALID_IDENTITY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.HolderIdentifier;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.IdentityEdition;
import org.egovca.ca.domain.Refusal;

/**
 * Checks the holder identifiers of a request against the profile: known kinds with valid values
 * (check characters included), only kinds the profile writes, each at most once, and in the 2012
 * edition only one identity document (they share the IdentifyCode extension). Whether a required
 * identifier is present is the pre-issuance lint's rule.
 */
final class HolderIdentifiers {

  private static final Set<IdentifierKind> IDENTITY_DOCUMENTS =
      EnumSet.of(
          IdentifierKind.RESIDENT_ID_CARD,
          IdentifierKind.MILITARY_OFFICER_ID,
          IdentifierKind.PASSPORT);

  private HolderIdentifiers() {}

  static List<HolderIdentifier> check(
      List<RequestedIdentifier> requested, CertificateProfile profile) {
    List<HolderIdentifier> identifiers = new ArrayList<>();
    Set<IdentifierKind> seen = EnumSet.noneOf(IdentifierKind.class);
    for (RequestedIdentifier item :
        requested == null ? List.<RequestedIdentifier>of() : requested) {
      IdentifierKind kind = kind(item.kind());
      if (!profile.identity().allowed().contains(kind)) {
        throw refused(
            "profile "
                + profile.label()
                + " does not write a "
                + kind
                + (profile.identity().allowed().isEmpty()
                    ? ": it has no identity extensions"
                    : ": it writes " + profile.identity().allowed()));
      }
      if (!seen.add(kind)) {
        throw refused("the request gives " + kind + " more than once");
      }
      try {
        identifiers.add(new HolderIdentifier(kind, item.value()));
      } catch (IllegalArgumentException e) {
        throw refused(kind + " " + e.getMessage());
      }
    }
    seen.retainAll(IDENTITY_DOCUMENTS);
    if (profile.identity().edition() == IdentityEdition.GMT0015_2012 && seen.size() > 1) {
      throw refused(
          "give one identity document: the GM/T 0015-2012 IdentifyCode extension holds one of "
              + IDENTITY_DOCUMENTS);
    }
    return identifiers;
  }

  private static IdentifierKind kind(String name) {
    try {
      return IdentifierKind.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refused(
          "identifier kind '"
              + name
              + "' is unknown: use one of "
              + Arrays.toString(IdentifierKind.values()));
    }
  }

  private static Refusal refused(String message) {
    return new Refusal(INVALID_IDENTITY, message);
  }
}
