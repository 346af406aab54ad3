package org.egovca.ca.domain;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.egovca.hsm.KeyAlgorithm;

/**
 * What a certificate of one type must look like (CPS §6.1.2, GM/T 0015 Annex C): which subject
 * attributes are required and allowed, which subscriber keys are accepted, how long it is valid,
 * its key usage and extended key usage.
 *
 * @param name the profile name used by RA clients (for example {@code personal-sign})
 * @param requiredAttributes subject attributes that must be present
 * @param allowedAttributes subject attributes that may be present (includes the required ones)
 * @param keyAlgorithms subscriber key algorithms accepted
 * @param validity certificate lifetime (cut at the CA's own expiry)
 * @param keyUsage RFC 5280 key usage bits, always marked critical (dual-certificate model)
 * @param extendedKeyUsages EKU OIDs, non-critical; empty for none
 * @param hostNameAltNames whether the CA's host names go into subjectAltName (TLS server)
 */
public record CertificateProfile(
    String name,
    Set<DnAttribute> requiredAttributes,
    Set<DnAttribute> allowedAttributes,
    Set<KeyAlgorithm> keyAlgorithms,
    Duration validity,
    int keyUsage,
    List<String> extendedKeyUsages,
    boolean hostNameAltNames) {

  public CertificateProfile {
    Objects.requireNonNull(name, "name");
    requiredAttributes = Set.copyOf(requiredAttributes);
    allowedAttributes = Set.copyOf(allowedAttributes);
    if (!allowedAttributes.containsAll(requiredAttributes)) {
      throw new IllegalArgumentException("profile " + name + ": required attributes not allowed");
    }
    keyAlgorithms = Set.copyOf(keyAlgorithms);
    Objects.requireNonNull(validity, "validity");
    extendedKeyUsages = List.copyOf(extendedKeyUsages);
  }

  /** Every attribute the CPS allows in a DN. */
  public static Set<DnAttribute> allAttributes() {
    return EnumSet.allOf(DnAttribute.class);
  }

  /** The accepted key algorithms, as an operator reads them. */
  public String describeKeyAlgorithms() {
    return keyAlgorithms.stream()
        .sorted()
        .map(KeyAlgorithm::displayName)
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }
}
