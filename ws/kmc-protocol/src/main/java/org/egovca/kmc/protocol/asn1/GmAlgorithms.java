package org.egovca.kmc.protocol.asn1;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The algorithm identifiers this project puts in GM/T 0014 messages, with the OIDs of GM/T 0006 and
 * no parameters (as GM/T 0015 Annex D and BouncyCastle write them).
 */
public final class GmAlgorithms {

  /** SM2, 1.2.156.10197.1.301: {@code appKeyType}, the kind of key pair the CA asks for. */
  public static final AlgorithmIdentifier SM2 =
      new AlgorithmIdentifier(GMObjectIdentifiers.sm2p256v1);

  /**
   * SM2 public-key encryption (sm2-3), 1.2.156.10197.1.301.3: {@code retAsymAlg}, how the returned
   * private key's symmetric key is protected (the GM/T 0009 SM2Cipher).
   */
  public static final AlgorithmIdentifier SM2_ENCRYPTION =
      new AlgorithmIdentifier(GMObjectIdentifiers.sm2encrypt);

  /**
   * SM4 in ECB mode, 1.2.156.10197.1.104.1: {@code retSymAlg}, and {@code symAlgID} of the GM/T
   * 0009 §7.4 SM2EnvelopedKey, which asks for ECB when the symmetric cipher is a block cipher.
   */
  public static final AlgorithmIdentifier SM4_ECB =
      new AlgorithmIdentifier(GMObjectIdentifiers.sms4_ecb);

  /** SM3, 1.2.156.10197.1.401: {@code retHashAlg} and the {@code EntName} key hash. */
  public static final AlgorithmIdentifier SM3 = new AlgorithmIdentifier(GMObjectIdentifiers.sm3);

  /** SM3withSM2, 1.2.156.10197.1.501: how CARequest and KMRespond are signed. */
  public static final AlgorithmIdentifier SM3_WITH_SM2 =
      new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);

  private GmAlgorithms() {}
}
