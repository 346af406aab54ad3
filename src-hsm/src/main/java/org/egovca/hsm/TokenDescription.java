package org.egovca.hsm;

import java.util.Objects;

/**
 * What the health page and the operators' console show about a token: its name, its kind and
 * whether it waits for activation. Holds nothing secret.
 *
 * @param name the token's name ({@link CryptoToken#name()})
 * @param kind how it keeps its keys
 * @param status whether its private keys can be used now
 */
public record TokenDescription(String name, TokenKind kind, TokenStatus status) {

  /** Checks that no component is null. */
  public TokenDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
  }

  /** Whether the token is offline, so that signing with it fails until custodians activate it. */
  public boolean awaitsActivation() {
    return status == TokenStatus.OFFLINE;
  }
}
