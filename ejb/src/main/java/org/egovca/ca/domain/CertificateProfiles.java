package org.egovca.ca.domain;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.egovca.hsm.KeyAlgorithm;

/**
 * The certificate profiles this CA issues under. {@code personal-sign} is the personal signing
 * certificate of GM/T 0015 table C.3 and {@code personal-enc} its encryption counterpart (table
 * C.4, key from the KMC); {@code tls-server} and {@code tls-client} are the CA's own service
 * certificates (the server's HTTPS certificate and RA client credentials); {@code ca} holds the
 * naming rules of CA certificates (tables C.1 and C.2).
 */
public final class CertificateProfiles {

  public static final String PERSONAL_SIGN = "personal-sign";
  public static final String PERSONAL_ENCRYPT = "personal-enc";
  public static final String TLS_SERVER = "tls-server";
  public static final String TLS_CLIENT = "tls-client";
  public static final String CA = "ca";

  private static final Map<String, CertificateProfile> PROFILES =
      Map.of(
          CA,
          new CertificateProfile(
              CA,
              Set.of(DnAttribute.CN, DnAttribute.C),
              CertificateProfile.allAttributes(),
              EnumSet.of(KeyAlgorithm.SM2_256, KeyAlgorithm.RSA_2048),
              Duration.ofDays(3652),
              KeyUsage.keyCertSign | KeyUsage.cRLSign,
              List.of(),
              false),
          PERSONAL_SIGN,
          new CertificateProfile(
              PERSONAL_SIGN,
              Set.of(DnAttribute.CN),
              CertificateProfile.allAttributes(),
              EnumSet.of(KeyAlgorithm.SM2_256, KeyAlgorithm.RSA_2048),
              Duration.ofDays(365),
              KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
              List.of(),
              false),
          PERSONAL_ENCRYPT,
          new CertificateProfile(
              PERSONAL_ENCRYPT,
              Set.of(DnAttribute.CN),
              CertificateProfile.allAttributes(),
              EnumSet.of(KeyAlgorithm.SM2_256),
              Duration.ofDays(365),
              KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement,
              List.of(),
              false),
          TLS_SERVER,
          new CertificateProfile(
              TLS_SERVER,
              Set.of(DnAttribute.CN),
              CertificateProfile.allAttributes(),
              EnumSet.of(KeyAlgorithm.RSA_2048),
              Duration.ofDays(825),
              KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
              List.of(KeyPurposeId.id_kp_serverAuth.getId()),
              true),
          TLS_CLIENT,
          new CertificateProfile(
              TLS_CLIENT,
              Set.of(DnAttribute.CN),
              CertificateProfile.allAttributes(),
              EnumSet.of(KeyAlgorithm.RSA_2048),
              Duration.ofDays(730),
              KeyUsage.digitalSignature,
              List.of(KeyPurposeId.id_kp_clientAuth.getId()),
              false));

  /** Profiles a remote RA may request; the service profiles are for the CA's own use. */
  private static final Set<String> RA_PROFILES = Set.of(PERSONAL_SIGN);

  private CertificateProfiles() {}

  public static Optional<CertificateProfile> byName(String name) {
    return Optional.ofNullable(name == null ? null : PROFILES.get(name));
  }

  /**
   * The encryption profile that pairs with a signing profile in a dual-certificate issuance (GM/T
   * 0015 tables C.3 and C.4), if it has one.
   */
  public static Optional<CertificateProfile> encryptionCounterpart(String signingProfile) {
    return PERSONAL_SIGN.equals(signingProfile) ? byName(PERSONAL_ENCRYPT) : Optional.empty();
  }

  public static Optional<CertificateProfile> forRemoteRa(String name) {
    return name != null && RA_PROFILES.contains(name) ? byName(name) : Optional.empty();
  }

  public static Set<String> remoteRaProfileNames() {
    return RA_PROFILES;
  }
}
