package org.egovca.delivery.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.egovca.delivery.domain.EgovSystem;

/**
 * An e-gov system as operators and the admin service see it.
 *
 * @param plainHttpAllowed whether an administrator allowed plain HTTP for this (test) system
 * @param serverTrustAnchors the subjects and SHA-256 fingerprints of the certificates the CA trusts
 *     for the system's HTTPS server, or "none"
 */
public record EgovSystemView(
    long id,
    String name,
    String applicationUnit,
    String endpoint,
    boolean plainHttpAllowed,
    String serverTrustAnchors,
    String syncMode,
    int batchIntervalMinutes,
    List<String> businessTypes,
    boolean active,
    String clientCertificateSerial,
    Instant createdAt)
    implements Serializable {

  static EgovSystemView of(EgovSystem system) {
    return new EgovSystemView(
        system.getId(),
        system.getName(),
        system.getApplicationUnit().getCode(),
        system.getEndpoint().toString(),
        system.isPlainHttpAllowed(),
        system.getServerTrustAnchors().describe(),
        system.getSyncMode().name(),
        system.getBatchIntervalMinutes(),
        system.businessTypes().stream().map(Enum::name).toList(),
        system.isActive(),
        system.getClientAccount() == null
            ? null
            : system.getClientAccount().getCertificate().getSerialNumberHex(),
        system.getCreatedAt());
  }
}
