package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.RetiredCaKey;

/**
 * Which keys of the CA's token are CA keys, and whether one is still needed: what the key
 * custodians' ceremonies ask before they back a key up, restore it or destroy it (CPS
 * §6.5.2.2-6.5.2.3). Deny by default: only a CA key is backed up, and only a CA key nothing can
 * need any more is destroyed.
 */
@Stateless
public class CaKeys {

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private Clock clock;

  /** Whether {@code alias} is the current or a retired key of one of the CAs. */
  public boolean isCaKey(String alias) {
    return current(alias).isPresent() || retired(alias).isPresent();
  }

  /**
   * Why the CA key {@code alias} must not be destroyed, or empty when nothing can need it: a
   * retired key whose CA certificate has expired, so that no certificate it vouched for is valid
   * any more and it signs no more CRLs or OCSP answers.
   */
  public Optional<String> stillNeeded(String alias) {
    Optional<CertificateAuthority> current = current(alias);
    if (current.isPresent()) {
      return Optional.of(
          "key " + alias + " is the current key of CA " + current.get().getName() + ": it signs");
    }
    Optional<RetiredCaKey> retired = retired(alias);
    if (retired.isEmpty()) {
      return Optional.of(
          "key "
              + alias
              + " is not a CA key: a key ceremony destroys only CA keys nothing needs any more");
    }
    Instant end =
        CertificateAuthorities.holder(retired.get().getCertificate()).getNotAfter().toInstant();
    if (end.isAfter(clock.instant())) {
      return Optional.of(
          "retired key "
              + alias
              + " of CA "
              + retired.get().getCa().getName()
              + " still signs the CRLs of the certificates it issued until its CA certificate"
              + " expires on "
              + end);
    }
    return Optional.empty();
  }

  private Optional<CertificateAuthority> current(String alias) {
    return certificateAuthorities.all().stream()
        .filter(ca -> ca.getKeyAlias().equals(alias))
        .findFirst();
  }

  private Optional<RetiredCaKey> retired(String alias) {
    return certificateAuthorities.allRetiredKeys().stream()
        .filter(key -> key.getKeyAlias().equals(alias))
        .findFirst();
  }
}
