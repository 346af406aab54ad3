package org.egovca.sync;

import java.util.Arrays;
import java.util.Optional;

/**
 * The RFC 5280 CRLReason values by the names the sync interface carries (for example {@code
 * keyCompromise}). The CA knows reasons by code (its CRLs carry codes); the interface carries names
 * so that an integrator can read them.
 */
public enum CrlReason {
  UNSPECIFIED(0, "unspecified"),
  KEY_COMPROMISE(1, "keyCompromise"),
  CA_COMPROMISE(2, "cACompromise"),
  AFFILIATION_CHANGED(3, "affiliationChanged"),
  SUPERSEDED(4, "superseded"),
  CESSATION_OF_OPERATION(5, "cessationOfOperation"),
  CERTIFICATE_HOLD(6, "certificateHold"),
  REMOVE_FROM_CRL(8, "removeFromCRL"),
  PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
  AA_COMPROMISE(10, "aACompromise");

  private final int code;
  private final String rfc5280Name;

  CrlReason(int code, String rfc5280Name) {
    this.code = code;
    this.rfc5280Name = rfc5280Name;
  }

  /** The reasonCode value of RFC 5280 §5.3.1. */
  public int code() {
    return code;
  }

  /** The name as RFC 5280 spells it, which is what {@code revocationReason} carries. */
  public String rfc5280Name() {
    return rfc5280Name;
  }

  /**
   * The reason with this RFC 5280 reasonCode value.
   *
   * @throws IllegalArgumentException for 7 (not used by RFC 5280) and values outside 0..10
   */
  public static CrlReason ofCode(int code) {
    return Arrays.stream(values())
        .filter(reason -> reason.code == code)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no CRLReason has code " + code));
  }

  /** The reason with this RFC 5280 name (case-sensitive, as on the wire). */
  public static Optional<CrlReason> ofName(String rfc5280Name) {
    return Arrays.stream(values())
        .filter(reason -> reason.rfc5280Name.equals(rfc5280Name))
        .findFirst();
  }
}
