package org.egovca.ca.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.egovca.hsm.KeyAlgorithm;

/**
 * One version of a certificate profile (CPS §6.1.2, GM/T 0015 Annex C): what a certificate of one
 * type must look like. Profiles are data: they are defined in {@code profiles/*.properties}, stored
 * and versioned in the database, and every certificate records the version it was issued under.
 *
 * @param name the profile name used by remote RAs (for example {@code personal-sign})
 * @param version the version; a changed definition is a new version, never an edit
 * @param type the certificate type of CPS §6.1.2
 * @param purpose signing or encryption key (fixes the key usage of holder certificates)
 * @param remoteRa whether RAs may request it (service and CA profiles are for the CA's own use)
 * @param subjectNames required and allowed DN attributes
 * @param keyAlgorithms holder key algorithms accepted
 * @param legacyKeys set when the profile accepts RSA-1024, which only a legacy profile may do
 * @param validity certificate lifetime (cut at the CA's own expiry)
 * @param keyUsage RFC 5280 key usage bits, always marked critical (dual-certificate model)
 * @param extendedKeyUsages EKU OIDs, non-critical; empty for none
 * @param altNames which subjectAltName forms are allowed and whether one is required
 * @param identity which GM/T 0015 identity extensions are written, and which are required
 * @param encryptionCounterpart the encryption profile paired with this signing profile, if any
 */
public record CertificateProfile(
    String name,
    int version,
    CertificateType type,
    KeyPurpose purpose,
    boolean remoteRa,
    NameRules subjectNames,
    Set<KeyAlgorithm> keyAlgorithms,
    boolean legacyKeys,
    Duration validity,
    int keyUsage,
    List<String> extendedKeyUsages,
    AltNameRules altNames,
    IdentityRules identity,
    Optional<String> encryptionCounterpart) {

  /** Required and allowed subject DN attributes. */
  public record NameRules(Set<DnAttribute> required, Set<DnAttribute> allowed) {
    public NameRules {
      required = Set.copyOf(required);
      allowed = Set.copyOf(allowed);
      if (!allowed.containsAll(required)) {
        throw new IllegalArgumentException("required subject attributes must also be allowed");
      }
    }
  }

  /** The subjectAltName forms allowed; {@code required}: at least one name must be present. */
  public record AltNameRules(Set<AltNameType> allowed, boolean required) {
    public AltNameRules {
      allowed = Set.copyOf(allowed);
      if (required && allowed.isEmpty()) {
        throw new IllegalArgumentException("a required subjectAltName needs an allowed form");
      }
    }

    public static AltNameRules none() {
      return new AltNameRules(Set.of(), false);
    }
  }

  /**
   * The identity extensions written from the holder's identifiers: which edition's OIDs, which
   * identifier kinds are allowed, and the kinds of which at least one must be given (empty: none
   * required).
   */
  public record IdentityRules(
      IdentityEdition edition, Set<IdentifierKind> allowed, Set<IdentifierKind> requiredOneOf) {
    public IdentityRules {
      Objects.requireNonNull(edition, "identity edition");
      allowed = Set.copyOf(allowed);
      requiredOneOf = Set.copyOf(requiredOneOf);
      for (IdentifierKind kind : allowed) {
        if (!edition.supports(kind)) {
          throw new IllegalArgumentException(edition + " has no extension for " + kind);
        }
      }
      if (!allowed.containsAll(requiredOneOf)) {
        throw new IllegalArgumentException("required identifiers must also be allowed");
      }
    }

    public static IdentityRules none() {
      return new IdentityRules(IdentityEdition.NONE, Set.of(), Set.of());
    }
  }

  public CertificateProfile {
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("profile " + name + ": version must be 1 or more");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(subjectNames, "subject name rules");
    keyAlgorithms = Set.copyOf(keyAlgorithms);
    if (keyAlgorithms.isEmpty()) {
      throw new IllegalArgumentException("profile " + name + ": no key algorithm");
    }
    if (keyAlgorithms.contains(KeyAlgorithm.RSA_1024) != legacyKeys) {
      throw new IllegalArgumentException(
          "profile "
              + name
              + ": RSA 1024 is allowed only by a profile flagged legacy, and a"
              + " legacy profile must say which legacy key it accepts");
    }
    Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("profile " + name + ": validity must be positive");
    }
    if (!purpose.admits(keyUsage)) {
      throw new IllegalArgumentException(
          "profile " + name + ": key usage does not match a " + purpose + " certificate");
    }
    extendedKeyUsages = List.copyOf(extendedKeyUsages);
    Objects.requireNonNull(altNames, "subjectAltName rules");
    Objects.requireNonNull(identity, "identity rules");
    Objects.requireNonNull(encryptionCounterpart, "encryption counterpart");
    if (encryptionCounterpart.isPresent() && purpose != KeyPurpose.SIGNING) {
      throw new IllegalArgumentException(
          "profile " + name + ": only a signing profile has an encryption counterpart");
    }
  }

  public Set<DnAttribute> requiredAttributes() {
    return subjectNames.required();
  }

  public Set<DnAttribute> allowedAttributes() {
    return subjectNames.allowed();
  }

  /** "name v3", as audit records and messages name a profile version. */
  public String label() {
    return name + " v" + version;
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
