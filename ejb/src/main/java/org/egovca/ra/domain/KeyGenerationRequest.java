package org.egovca.ra.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Whether the applicant asked in writing that the CA generate their signing key pair (CPS
 * §6.1.4.10.1), of which type, and the key the approval generated. The written request itself is a
 * scanned document of the application ({@link DocumentKind#KEY_GENERATION_REQUEST}); an application
 * that asks for it carries no PKCS#10.
 */
@Embeddable
public class KeyGenerationRequest {

  @Column(name = "key_generation_requested", nullable = false)
  private boolean requested;

  @Enumerated(EnumType.STRING)
  @Column(name = "generated_key_algorithm", length = 16)
  private KeyAlgorithm algorithm;

  @ManyToOne
  @JoinColumn(name = "generated_key_id")
  private GeneratedKey generatedKey;

  protected KeyGenerationRequest() {}

  private KeyGenerationRequest(boolean requested, KeyAlgorithm algorithm) {
    this.requested = requested;
    this.algorithm = algorithm;
  }

  /** The holder brings their own key, in a PKCS#10. */
  public static KeyGenerationRequest none() {
    return new KeyGenerationRequest(false, null);
  }

  /** The applicant asked in writing for a key pair of {@code algorithm}. */
  public static KeyGenerationRequest of(KeyAlgorithm algorithm) {
    return new KeyGenerationRequest(true, Objects.requireNonNull(algorithm, "algorithm"));
  }

  /** Records the key the approval generated; once. */
  void generated(GeneratedKey key) {
    if (!requested || generatedKey != null) {
      throw new IllegalStateException("no key generation is waiting for its key");
    }
    generatedKey = Objects.requireNonNull(key, "key");
  }

  public boolean isRequested() {
    return requested;
  }

  /** The type of key pair asked for, or null when none is. */
  public KeyAlgorithm getAlgorithm() {
    return algorithm;
  }

  /** The key the approval generated, or null before it. */
  public GeneratedKey getGeneratedKey() {
    return generatedKey;
  }
}
