package org.egovca.hsm;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Signature algorithms a {@link CryptoToken} produces, each with the X.509 {@link
 * AlgorithmIdentifier} that goes into certificates, CRLs and OCSP responses signed with it.
 */
public enum SignatureAlgorithm {
  /**
   * SM2 over an SM3 digest (GB/T 32918.2), OID 1.2.156.10197.1.501 with absent parameters (GM/T
   * 0015). The digest covers Z computed with the user ID {@value #SM2_DEFAULT_USER_ID}.
   */
  SM3_WITH_SM2("SM3withSM2", new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3)),
  /** RSASSA-PKCS1-v1_5 over SHA-256, OID 1.2.840.113549.1.1.11 with NULL parameters (RFC 4055). */
  SHA256_WITH_RSA(
      "SHA256withRSA",
      new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE)),
  /**
   * ECDSA over a SHA-256 digest, OID ecdsa-with-SHA256 1.2.840.10045.4.3.2 with absent parameters
   * (RFC 5758 section 3.2). The signature is the DER {@code SEQUENCE {r, s}}.
   */
  SHA256_WITH_ECDSA(
      "SHA256withECDSA", new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256));

  /**
   * The SM2 signer's user ID (GM/T 0009 default). Certificates do not carry the ID, so verifiers
   * assume this one; every SM2 signature a token makes uses it.
   */
  public static final String SM2_DEFAULT_USER_ID = "1234567812345678";

  private final String jcaName;
  private final AlgorithmIdentifier algorithmIdentifier;

  SignatureAlgorithm(String jcaName, AlgorithmIdentifier algorithmIdentifier) {
    this.jcaName = jcaName;
    this.algorithmIdentifier = algorithmIdentifier;
  }

  /**
   * The standard JCA name ({@code "SM3withSM2"}, {@code "SHA256withRSA"}, {@code
   * "SHA256withECDSA"}) for verifiers.
   */
  public String jcaName() {
    return jcaName;
  }

  /** The identifier to put in the signatureAlgorithm field of what is signed. */
  public AlgorithmIdentifier algorithmIdentifier() {
    return algorithmIdentifier;
  }

  /** The signature algorithm that keys of the given type produce. */
  public static SignatureAlgorithm forKey(KeyAlgorithm keyAlgorithm) {
    return switch (keyAlgorithm) {
      case SM2_256 -> SM3_WITH_SM2;
      case EC_P256 -> SHA256_WITH_ECDSA;
      case RSA_1024, RSA_2048, RSA_4096 -> SHA256_WITH_RSA;
    };
  }

  /**
   * Refuses to sign with a key of the wrong type: the result would carry an algorithm identifier
   * that does not describe the signature.
   *
   * @throws IllegalArgumentException if {@code algorithm} is not the one for {@code keyAlgorithm}
   */
  public static void requireMatch(
      String alias, KeyAlgorithm keyAlgorithm, SignatureAlgorithm algorithm) {
    SignatureAlgorithm expected = forKey(keyAlgorithm);
    if (algorithm != expected) {
      throw new IllegalArgumentException(
          "signature algorithm "
              + (algorithm == null ? null : algorithm.jcaName)
              + " cannot be used with key "
              + alias
              + " of type "
              + keyAlgorithm.displayName()
              + "; use "
              + expected.jcaName);
    }
  }
}
