package org.egovca.hsm.pkcs11;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_DECRYPT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_DERIVE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_EC_PARAMS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_ENCRYPT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_EXTRACTABLE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_KEY_TYPE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS_BITS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_PRIVATE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_SENSITIVE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_SIGN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_TOKEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_UNWRAP;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_VERIFY;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_WRAP;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKK_EC;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_EC_KEY_PAIR_GEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKO_PUBLIC_KEY;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.KeyAlgorithm;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * The token objects of CA key pairs: the attribute templates they are made with, and how their
 * public keys are read back as SubjectPublicKeyInfo and written from one.
 *
 * <p>A key pair is two token objects with the alias as CKA_LABEL and a common random CKA_ID (tools
 * such as {@code pkcs11-tool} pair keys by it). The public key is not private, so that aliases and
 * public keys can be read before the token is activated. The private key is private, sensitive
 * (never readable in clear) and can only sign; it is extractable only so that {@link
 * Pkcs11KeyTransfer} can wrap it for a backup token: a logged-in user can therefore export it
 * wrapped, which is why the PIN is split among custodians.
 */
final class KeyObjects {
  private static final AlgorithmIdentifier RSA =
      new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
  private static final AlgorithmIdentifier EC_P256 =
      new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1);
  private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);
  private static final int FIND_BATCH = 64;

  private final PKCS11 library;

  KeyObjects(PKCS11 library) {
    this.library = library;
  }

  /**
   * Generates a CA key pair on the token.
   *
   * @return the handles of the public and the private key object
   */
  long[] generate(long session, KeyAlgorithm algorithm, String alias, byte[] id)
      throws PKCS11Exception {
    CK_MECHANISM mechanism =
        new CK_MECHANISM(
            algorithm == KeyAlgorithm.EC_P256 ? CKM_EC_KEY_PAIR_GEN : CKM_RSA_PKCS_KEY_PAIR_GEN);
    return library.C_GenerateKeyPair(
        session, mechanism, publicTemplate(algorithm, alias, id), privateTemplate(alias, id));
  }

  /** The public key template of a new CA key pair. */
  private static CK_ATTRIBUTE[] publicTemplate(KeyAlgorithm algorithm, String alias, byte[] id) {
    List<CK_ATTRIBUTE> template = new ArrayList<>(publicAttributes(alias, id));
    if (algorithm == KeyAlgorithm.EC_P256) {
      template.add(new CK_ATTRIBUTE(CKA_EC_PARAMS, p256Parameters()));
    } else {
      template.add(new CK_ATTRIBUTE(CKA_MODULUS_BITS, (long) algorithm.keySize()));
      template.add(new CK_ATTRIBUTE(CKA_PUBLIC_EXPONENT, RSA_PUBLIC_EXPONENT));
    }
    return template.toArray(CK_ATTRIBUTE[]::new);
  }

  /** The private key template of a new CA key pair, generated or unwrapped. */
  static CK_ATTRIBUTE[] privateTemplate(String alias, byte[] id) {
    return new CK_ATTRIBUTE[] {
      new CK_ATTRIBUTE(CKA_TOKEN, true),
      new CK_ATTRIBUTE(CKA_PRIVATE, true),
      new CK_ATTRIBUTE(CKA_SENSITIVE, true),
      new CK_ATTRIBUTE(CKA_EXTRACTABLE, true),
      new CK_ATTRIBUTE(CKA_SIGN, true),
      new CK_ATTRIBUTE(CKA_DECRYPT, false),
      new CK_ATTRIBUTE(CKA_UNWRAP, false),
      new CK_ATTRIBUTE(CKA_DERIVE, false),
      new CK_ATTRIBUTE(CKA_LABEL, alias.toCharArray()),
      new CK_ATTRIBUTE(CKA_ID, id)
    };
  }

  /** The private key template for unwrapping: the private template with class and key type. */
  static CK_ATTRIBUTE[] unwrapTemplate(KeyAlgorithm algorithm, String alias, byte[] id) {
    List<CK_ATTRIBUTE> template = new ArrayList<>(Arrays.asList(privateTemplate(alias, id)));
    template.add(new CK_ATTRIBUTE(CKA_CLASS, CKO_PRIVATE_KEY));
    template.add(new CK_ATTRIBUTE(CKA_KEY_TYPE, keyType(algorithm)));
    return template.toArray(CK_ATTRIBUTE[]::new);
  }

  /** The attributes of a CA public key object besides the key itself. */
  static List<CK_ATTRIBUTE> publicAttributes(String alias, byte[] id) {
    return List.of(
        new CK_ATTRIBUTE(CKA_TOKEN, true),
        new CK_ATTRIBUTE(CKA_PRIVATE, false),
        new CK_ATTRIBUTE(CKA_VERIFY, true),
        new CK_ATTRIBUTE(CKA_ENCRYPT, false),
        new CK_ATTRIBUTE(CKA_WRAP, false),
        new CK_ATTRIBUTE(CKA_LABEL, alias.toCharArray()),
        new CK_ATTRIBUTE(CKA_ID, id));
  }

  /**
   * Creates a public key object from a SubjectPublicKeyInfo: the public half of an imported pair
   * (on the token, labelled), or a transport key to wrap with (a session object, no label).
   */
  long createPublicKey(long session, SubjectPublicKeyInfo info, List<CK_ATTRIBUTE> attributes)
      throws PKCS11Exception {
    List<CK_ATTRIBUTE> template = new ArrayList<>(attributes);
    template.add(new CK_ATTRIBUTE(CKA_CLASS, CKO_PUBLIC_KEY));
    try {
      if (EC_P256.equals(info.getAlgorithm())) {
        template.add(new CK_ATTRIBUTE(CKA_KEY_TYPE, CKK_EC));
        template.add(new CK_ATTRIBUTE(CKA_EC_PARAMS, p256Parameters()));
        byte[] point = info.getPublicKeyData().getOctets();
        template.add(new CK_ATTRIBUTE(CKA_EC_POINT, new DEROctetString(point).getEncoded()));
      } else if (RSA.getAlgorithm().equals(info.getAlgorithm().getAlgorithm())) {
        RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
        template.add(new CK_ATTRIBUTE(CKA_KEY_TYPE, CKK_RSA));
        template.add(new CK_ATTRIBUTE(CKA_MODULUS, rsa.getModulus()));
        template.add(new CK_ATTRIBUTE(CKA_PUBLIC_EXPONENT, rsa.getPublicExponent()));
      } else {
        throw new CryptoTokenException("unsupported public key type " + info.getAlgorithm());
      }
    } catch (IOException e) {
      throw new CryptoTokenException("malformed public key", e);
    }
    return library.C_CreateObject(session, template.toArray(CK_ATTRIBUTE[]::new));
  }

  /**
   * Destroys a session object that has served (a transport or key encryption key), ignoring
   * failures so that they do not hide the outcome of the operation: session objects die with their
   * session at the latest.
   */
  void destroyQuietly(long session, long handle) {
    try {
      library.C_DestroyObject(session, handle);
    } catch (PKCS11Exception e) {
      // see above
    }
  }

  /** The public keys on the token, by label; objects without a label are not CA keys. */
  Map<String, Long> publicKeys(long session) throws PKCS11Exception {
    return byLabel(session, find(session, new CK_ATTRIBUTE(CKA_CLASS, CKO_PUBLIC_KEY)));
  }

  /** The private keys the session can see, by label: all of them once logged in. */
  Map<String, Long> privateKeys(long session) throws PKCS11Exception {
    return byLabel(session, find(session, new CK_ATTRIBUTE(CKA_CLASS, CKO_PRIVATE_KEY)));
  }

  /** The key objects (public and private) on the token labelled {@code alias}. */
  long[] keysLabelled(long session, String alias) throws PKCS11Exception {
    long[] publicKeys = find(session, keyLabelled(CKO_PUBLIC_KEY, alias));
    long[] privateKeys = find(session, keyLabelled(CKO_PRIVATE_KEY, alias));
    long[] both = Arrays.copyOf(publicKeys, publicKeys.length + privateKeys.length);
    System.arraycopy(privateKeys, 0, both, publicKeys.length, privateKeys.length);
    return both;
  }

  private static CK_ATTRIBUTE[] keyLabelled(long objectClass, String alias) {
    return new CK_ATTRIBUTE[] {
      new CK_ATTRIBUTE(CKA_CLASS, objectClass),
      new CK_ATTRIBUTE(CKA_TOKEN, true),
      new CK_ATTRIBUTE(CKA_LABEL, alias.toCharArray())
    };
  }

  private long[] find(long session, CK_ATTRIBUTE... template) throws PKCS11Exception {
    library.C_FindObjectsInit(session, template);
    try {
      long[] found = new long[0];
      for (long[] batch = library.C_FindObjects(session, FIND_BATCH);
          batch.length > 0;
          batch = library.C_FindObjects(session, FIND_BATCH)) {
        long[] joined = Arrays.copyOf(found, found.length + batch.length);
        System.arraycopy(batch, 0, joined, found.length, batch.length);
        found = joined;
      }
      return found;
    } finally {
      library.C_FindObjectsFinal(session);
    }
  }

  private Map<String, Long> byLabel(long session, long[] handles) throws PKCS11Exception {
    Map<String, Long> labelled = new LinkedHashMap<>();
    for (long handle : handles) {
      CK_ATTRIBUTE[] label = {new CK_ATTRIBUTE(CKA_LABEL)};
      library.C_GetAttributeValue(session, handle, label);
      char[] chars = label[0].getCharArray();
      if (chars != null && chars.length > 0) {
        labelled.put(new String(chars), handle);
      }
    }
    return labelled;
  }

  /**
   * The public key of a key object, or null if it is of a type the CA does not use (the token may
   * hold other applications' keys).
   */
  SubjectPublicKeyInfo publicKeyInfo(long session, long handle) throws PKCS11Exception {
    CK_ATTRIBUTE[] type = {new CK_ATTRIBUTE(CKA_KEY_TYPE)};
    library.C_GetAttributeValue(session, handle, type);
    long keyType = type[0].getLong();
    if (keyType == CKK_RSA) {
      CK_ATTRIBUTE[] rsa = {new CK_ATTRIBUTE(CKA_MODULUS), new CK_ATTRIBUTE(CKA_PUBLIC_EXPONENT)};
      library.C_GetAttributeValue(session, handle, rsa);
      return encode(RSA, new RSAPublicKey(rsa[0].getBigInteger(), rsa[1].getBigInteger()));
    }
    if (keyType == CKK_EC) {
      CK_ATTRIBUTE[] ec = {new CK_ATTRIBUTE(CKA_EC_PARAMS), new CK_ATTRIBUTE(CKA_EC_POINT)};
      library.C_GetAttributeValue(session, handle, ec);
      if (!Arrays.equals(p256Parameters(), ec[0].getByteArray())) {
        return null;
      }
      return new SubjectPublicKeyInfo(EC_P256, ecPoint(ec[1].getByteArray()));
    }
    return null;
  }

  /** The key type a public key has, or null for a type or size the CA does not use. */
  static KeyAlgorithm algorithmOf(SubjectPublicKeyInfo info) {
    if (EC_P256.equals(info.getAlgorithm())) {
      return KeyAlgorithm.EC_P256;
    }
    try {
      int bits = RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
      for (KeyAlgorithm algorithm :
          List.of(KeyAlgorithm.RSA_1024, KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_4096)) {
        if (algorithm.keySize() == bits) {
          return algorithm;
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /** A JCA public key (from the JDK's own providers, which know RSA and P-256). */
  static PublicKey toPublicKey(SubjectPublicKeyInfo info) {
    String algorithm = EC_P256.equals(info.getAlgorithm()) ? "EC" : "RSA";
    try {
      return KeyFactory.getInstance(algorithm)
          .generatePublic(new X509EncodedKeySpec(info.getEncoded(ASN1Encoding.DER)));
    } catch (IOException | GeneralSecurityException e) {
      throw new CryptoTokenException("cannot decode a " + algorithm + " public key", e);
    }
  }

  static long keyType(KeyAlgorithm algorithm) {
    return algorithm == KeyAlgorithm.EC_P256 ? CKK_EC : CKK_RSA;
  }

  /** CKA_EC_PARAMS of P-256: the DER OID of the named curve. */
  private static byte[] p256Parameters() {
    try {
      return SECObjectIdentifiers.secp256r1.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an OID", e);
    }
  }

  /**
   * The point from CKA_EC_POINT, which PKCS#11 defines as a DER OCTET STRING; some modules give the
   * bare uncompressed point instead.
   */
  private static byte[] ecPoint(byte[] attribute) {
    if (attribute.length == 65 && attribute[0] == 0x04) {
      return attribute;
    }
    return ASN1OctetString.getInstance(attribute).getOctets();
  }

  private static SubjectPublicKeyInfo encode(AlgorithmIdentifier algorithm, RSAPublicKey key) {
    try {
      return new SubjectPublicKeyInfo(algorithm, key);
    } catch (IOException e) {
      throw new CryptoTokenException("cannot encode an RSA public key", e);
    }
  }
}
