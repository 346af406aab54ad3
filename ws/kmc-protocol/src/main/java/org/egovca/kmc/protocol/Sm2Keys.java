package org.egovca.kmc.protocol;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * SM2 keys on BouncyCastle's optimised {@code sm2p256v1} curve, and the conversions between JCA
 * keys and lightweight parameters. JCA keys are read through their standard encodings
 * (SubjectPublicKeyInfo, PKCS#8), so a key from any provider works as long as it is on the SM2
 * curve.
 */
final class Sm2Keys {

  /** The SM2 curve OID, 1.2.156.10197.1.301 (GM/T 0006; GM/T 0015 Annex D). */
  static final ASN1ObjectIdentifier CURVE_OID = GMObjectIdentifiers.sm2p256v1;

  static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");

  static final ECDomainParameters DOMAIN = new ECNamedDomainParameters(CURVE_OID, CURVE);

  /** id-ecPublicKey with the SM2 curve as its parameter: what GM/T 0015 Annex D and OpenSSL use. */
  static final AlgorithmIdentifier KEY_ALGORITHM =
      new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, CURVE_OID);

  /** Length in octets of a coordinate and of a private key (256 bits). */
  static final int FIELD_BYTES = 32;

  /**
   * This library's own provider instance, for the key factory only (the JDK's cannot build keys on
   * the SM2 curve). It is never registered with {@code Security.addProvider}: a registered provider
   * would outlive a redeployment of the application that loaded this library.
   */
  private static final Provider BC = new BouncyCastleProvider();

  private Sm2Keys() {}

  static ECPublicKeyParameters publicParameters(PublicKey key) {
    byte[] encoded = encodingOf(key.getEncoded(), "public");
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the public key is not a SubjectPublicKeyInfo", e);
    }
    return publicParameters(info);
  }

  /** The SM2 public key in {@code info}, checked to be on the SM2 curve. */
  static ECPublicKeyParameters publicParameters(SubjectPublicKeyInfo info) {
    requireSm2(info.getAlgorithm());
    if (info.getPublicKeyData().getPadBits() != 0) {
      throw new IllegalArgumentException("the public key is not a BIT STRING of whole octets");
    }
    return publicParameters(decodePoint(info.getPublicKeyData().getOctets()));
  }

  static ECPublicKeyParameters publicParameters(ECPoint q) {
    return new ECPublicKeyParameters(q, DOMAIN);
  }

  static ECPrivateKeyParameters privateParameters(PrivateKey key) {
    byte[] encoded = encodingOf(key.getEncoded(), "private");
    PrivateKeyInfo info;
    ECPrivateKey ecKey;
    try {
      info = PrivateKeyInfo.getInstance(encoded);
      ecKey = ECPrivateKey.getInstance(info.parsePrivateKey());
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException("the private key is not a PKCS#8 EC private key", e);
    }
    requireSm2(info.getPrivateKeyAlgorithm());
    ASN1Encodable innerCurve = ecKey.getParametersObject();
    if (innerCurve != null && !CURVE_OID.equals(innerCurve)) {
      throw new IllegalArgumentException("the private key names another curve: " + innerCurve);
    }
    return privateParameters(ecKey.getKey());
  }

  static ECPrivateKeyParameters privateParameters(BigInteger d) {
    if (!isValidPrivateValue(d)) {
      throw new IllegalArgumentException("the private key is outside [1, n-2]");
    }
    return new ECPrivateKeyParameters(d, DOMAIN);
  }

  /** Moves lightweight parameters onto {@link #DOMAIN}, refusing keys on other curves. */
  static ECPublicKeyParameters onSm2Curve(ECPublicKeyParameters key) {
    requireSm2Domain(key.getParameters());
    return publicParameters(DOMAIN.getCurve().importPoint(key.getQ()).normalize());
  }

  static ECPrivateKeyParameters onSm2Curve(ECPrivateKeyParameters key) {
    requireSm2Domain(key.getParameters());
    return privateParameters(key.getD());
  }

  /** GM/T 0003 private keys lie in [1, n-2], so that (1 + d)^-1 exists for signing. */
  static boolean isValidPrivateValue(BigInteger d) {
    return d.signum() > 0 && d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) < 0;
  }

  /** Decodes an uncompressed or compressed point, checking that it is on the SM2 curve. */
  static ECPoint decodePoint(byte[] encoded) {
    try {
      return DOMAIN.getCurve().decodePoint(encoded).normalize();
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a point on the SM2 curve", e);
    }
  }

  static ECPoint publicPointOf(BigInteger d) {
    return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
  }

  /** 04 || X || Y, 65 octets: the GM/T 0009 §7.1 SM2PublicKey content. */
  static byte[] uncompressed(ECPoint q) {
    return q.normalize().getEncoded(false);
  }

  static PublicKey toJca(ECPoint q) {
    try {
      SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(KEY_ALGORITHM, uncompressed(q));
      return keyFactory().generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a JCA SM2 public key", e);
    }
  }

  static PrivateKey toJca(BigInteger d, ECPoint q) {
    try {
      ECPrivateKey ecKey =
          new ECPrivateKey(
              DOMAIN.getN().bitLength(), d, new DERBitString(uncompressed(q)), CURVE_OID);
      PrivateKeyInfo info = new PrivateKeyInfo(KEY_ALGORITHM, ecKey);
      return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a JCA SM2 private key", e);
    }
  }

  static KeyPair toJcaKeyPair(BigInteger d, ECPoint q) {
    return new KeyPair(toJca(q), toJca(d, q));
  }

  private static KeyFactory keyFactory() throws GeneralSecurityException {
    return KeyFactory.getInstance("EC", BC);
  }

  private static byte[] encodingOf(byte[] encoded, String kind) {
    if (encoded == null) {
      throw new IllegalArgumentException(
          "the " + kind + " key has no encoding (a key held inside a crypto module?)");
    }
    return encoded;
  }

  /**
   * Accepts id-ecPublicKey with the SM2 curve (the real encoding), and the bare SM2 algorithm OID
   * that GM/T 0015 tables C.1–C.4 literally list.
   */
  private static void requireSm2(AlgorithmIdentifier algorithm) {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    ASN1Encodable parameters = algorithm.getParameters();
    boolean ecOnSm2 =
        X9ObjectIdentifiers.id_ecPublicKey.equals(oid) && CURVE_OID.equals(parameters);
    boolean bareSm2 = CURVE_OID.equals(oid) && (parameters == null || CURVE_OID.equals(parameters));
    if (!ecOnSm2 && !bareSm2) {
      throw new IllegalArgumentException(
          "not an SM2 key: algorithm " + oid + (parameters == null ? "" : " " + parameters));
    }
  }

  private static void requireSm2Domain(ECDomainParameters parameters) {
    boolean same =
        parameters.getCurve().equals(DOMAIN.getCurve())
            && parameters.getN().equals(DOMAIN.getN())
            && DOMAIN.getG().equals(DOMAIN.getCurve().importPoint(parameters.getG()));
    if (!same) {
      throw new IllegalArgumentException("not an SM2 key: the domain parameters are another curve");
    }
  }
}
