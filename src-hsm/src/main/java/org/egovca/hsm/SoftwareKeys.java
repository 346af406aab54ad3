package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.math.BigInteger;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.AsymmetricCipherKeyPairGenerator;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Key generation, encoding and signer set-up for the software token, on BouncyCastle's lightweight
 * API.
 *
 * <p>SM2 and P-256 keys always use the domain parameters from {@link CustomNamedCurves}, whose
 * implementations are several times faster than the generic ones behind {@code GMNamedCurves} and
 * {@code ECNamedCurveTable}; keys read back from PKCS#8 are rebuilt on them.
 */
final class SoftwareKeys {
  private static final ECNamedDomainParameters SM2_DOMAIN =
      new ECNamedDomainParameters(
          GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.getByName("sm2p256v1"));
  private static final ECNamedDomainParameters P256_DOMAIN =
      new ECNamedDomainParameters(
          SECObjectIdentifiers.secp256r1, CustomNamedCurves.getByName("secp256r1"));
  private static final byte[] SM2_USER_ID =
      SignatureAlgorithm.SM2_DEFAULT_USER_ID.getBytes(US_ASCII);
  private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);

  private SoftwareKeys() {}

  static AsymmetricCipherKeyPair generate(KeyAlgorithm algorithm, SecureRandom random) {
    AsymmetricCipherKeyPairGenerator generator;
    if (algorithm.isRsa()) {
      generator = new RSAKeyPairGenerator();
      generator.init(
          new RSAKeyGenerationParameters(
              RSA_PUBLIC_EXPONENT, random, algorithm.keySize(), primeCertainty(algorithm)));
    } else {
      generator = new ECKeyPairGenerator();
      generator.init(new ECKeyGenerationParameters(ecDomain(algorithm), random));
    }
    return generator.generateKeyPair();
  }

  /** The Miller-Rabin certainty BouncyCastle's JCA provider uses for the same modulus size. */
  private static int primeCertainty(KeyAlgorithm algorithm) {
    int bits = algorithm.keySize();
    return bits <= 1024 ? 80 : 96 + 16 * ((bits - 1) / 1024);
  }

  /** The curve of an elliptic-curve key type. */
  private static ECNamedDomainParameters ecDomain(KeyAlgorithm algorithm) {
    return algorithm == KeyAlgorithm.SM2_256 ? SM2_DOMAIN : P256_DOMAIN;
  }

  static SubjectPublicKeyInfo publicKeyInfo(AsymmetricKeyParameter publicKey) {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey);
    } catch (IOException e) {
      throw new CryptoTokenException("cannot encode public key", e);
    }
  }

  /** The public key that belongs to {@code privateKey}, to check a stored pair fits together. */
  static SubjectPublicKeyInfo publicKeyInfoOf(AsymmetricKeyParameter privateKey) {
    if (privateKey instanceof RSAPrivateCrtKeyParameters rsa) {
      return publicKeyInfo(new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
    }
    ECPrivateKeyParameters ec = (ECPrivateKeyParameters) privateKey;
    return publicKeyInfo(
        new ECPublicKeyParameters(
            new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()),
            ec.getParameters()));
  }

  /**
   * The key type of a stored public key.
   *
   * @throws CryptoTokenException if it is none of the {@link KeyAlgorithm}s
   */
  static KeyAlgorithm algorithmOf(SubjectPublicKeyInfo info) {
    ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      Object curve = info.getAlgorithm().getParameters();
      if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
        return KeyAlgorithm.SM2_256;
      }
      if (SECObjectIdentifiers.secp256r1.equals(curve)) {
        return KeyAlgorithm.EC_P256;
      }
    }
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      int bits;
      try {
        bits = RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
      } catch (IOException | IllegalArgumentException e) {
        throw new CryptoTokenException("malformed RSA public key", e);
      }
      for (KeyAlgorithm candidate : KeyAlgorithm.values()) {
        if (candidate.isRsa() && candidate.keySize() == bits) {
          return candidate;
        }
      }
    }
    throw new CryptoTokenException(
        "unsupported public key type " + oid + " " + info.getAlgorithm().getParameters());
  }

  /** Converts to a JCA key, so that callers can use standard JCA and BouncyCastle PKIX code. */
  static PublicKey toJcaPublicKey(SubjectPublicKeyInfo info) {
    try {
      return new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPublicKey(info);
    } catch (PEMException e) {
      throw new CryptoTokenException(
          "cannot convert public key of type " + info.getAlgorithm().getAlgorithm(), e);
    }
  }

  static PrivateKeyInfo privateKeyInfo(AsymmetricKeyParameter privateKey) {
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey);
    } catch (IOException e) {
      throw new CryptoTokenException("cannot encode private key", e);
    }
  }

  /**
   * Decodes a PKCS#8 private key of the given type; EC keys are rebuilt on the fast curve.
   *
   * @throws CryptoTokenException if the key is not of that type or malformed
   */
  static AsymmetricKeyParameter privateKey(PrivateKeyInfo info, KeyAlgorithm algorithm) {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    try {
      if (algorithm.isRsa() && PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
        return PrivateKeyFactory.createKey(info);
      }
      if (!algorithm.isRsa()
          && X9ObjectIdentifiers.id_ecPublicKey.equals(oid)
          && ecDomain(algorithm).getName().equals(info.getPrivateKeyAlgorithm().getParameters())) {
        BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
        return new ECPrivateKeyParameters(d, ecDomain(algorithm));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new CryptoTokenException("malformed " + algorithm.displayName() + " private key", e);
    }
    throw new CryptoTokenException(
        "private key of type " + oid + " is not a " + algorithm.displayName() + " key");
  }

  /**
   * A signer initialised for signing with {@code privateKey}. Initialisation is the expensive part
   * (for SM2 it computes the public point and Z), which is why {@link SignerPool} reuses signers.
   * ECDSA takes its nonce from RFC 6979 (derived from key and digest), so that a weak random source
   * cannot leak the CA key.
   */
  static Signer newSigner(SignatureAlgorithm algorithm, AsymmetricKeyParameter privateKey) {
    ParametersWithRandom keyAndRandom = new ParametersWithRandom(privateKey, new SecureRandom());
    Signer signer =
        switch (algorithm) {
          case SM3_WITH_SM2 -> new SM2Signer();
          case SHA256_WITH_ECDSA ->
              new DSADigestSigner(
                  new ECDSASigner(new HMacDSAKCalculator(SHA256Digest.newInstance())),
                  SHA256Digest.newInstance(),
                  StandardDSAEncoding.INSTANCE);
          case SHA256_WITH_RSA -> new RSADigestSigner(SHA256Digest.newInstance());
        };
    signer.init(
        true,
        algorithm == SignatureAlgorithm.SM3_WITH_SM2
            ? new ParametersWithID(keyAndRandom, SM2_USER_ID)
            : keyAndRandom);
    return signer;
  }

  /**
   * The BouncyCastle JCA provider, as a private instance: registering it globally with {@code
   * Security.addProvider} would change the behaviour of the whole application server.
   */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }
}
