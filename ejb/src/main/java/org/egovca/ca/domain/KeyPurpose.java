package org.egovca.ca.domain;

import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Whether a holder certificate certifies a signing or an encryption key (the dual-certificate model
 * of GM/T 0015), which fixes its key usage; service and CA certificates set their own.
 */
public enum KeyPurpose {
  SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
  ENCRYPTION(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement),
  /** Key usage as the profile states it (service and CA certificates). */
  AS_DEFINED(0);

  private final int keyUsage;

  KeyPurpose(int keyUsage) {
    this.keyUsage = keyUsage;
  }

  /** Whether {@code bits} are the key usage this purpose demands. */
  public boolean admits(int bits) {
    return this == AS_DEFINED || bits == keyUsage;
  }
}
