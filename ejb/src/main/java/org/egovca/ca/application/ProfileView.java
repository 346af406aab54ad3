package org.egovca.ca.application;

import java.util.List;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.hsm.KeyAlgorithm;

/** A certificate profile as interfaces list it. */
public record ProfileView(
    String name,
    int version,
    String type,
    String purpose,
    List<String> keyAlgorithms,
    boolean legacy,
    int validityDays,
    String encryptionCounterpart) {

  static ProfileView of(CertificateProfile profile) {
    return new ProfileView(
        profile.name(),
        profile.version(),
        profile.type().name(),
        profile.purpose().name(),
        profile.keyAlgorithms().stream().sorted().map(KeyAlgorithm::name).toList(),
        profile.legacyKeys(),
        (int) profile.validity().toDays(),
        profile.encryptionCounterpart().orElse(null));
  }
}
