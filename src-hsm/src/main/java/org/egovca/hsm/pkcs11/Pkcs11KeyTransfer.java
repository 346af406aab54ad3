package org.egovca.hsm.pkcs11;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_DECRYPT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_ENCRYPT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_EXTRACTABLE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_KEY_TYPE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS_BITS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_PRIVATE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_SENSITIVE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_SIGN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_TOKEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_UNWRAP;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_VALUE_LEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_VERIFY;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_WRAP;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA1;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKK_AES;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_GEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_WRAP_PAD;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_OAEP;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_SHA_1;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKO_SECRET_KEY;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKZ_DATA_SPECIFIED;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.WrappedKey;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.CK_RSA_PKCS_OAEP_PARAMS;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Moves key pairs between tokens in the {@link WrappedKey} format without the private key ever
 * being in clear outside a module. The receiving token makes an RSA transport key pair as session
 * objects (the private half never leaves it and dies with the login session). The holding token
 * imports the transport public key as a session object, generates a session AES-256 key, wraps it
 * under the transport key with {@code CKM_RSA_PKCS_OAEP} and the private key under it with {@code
 * CKM_AES_KEY_WRAP_PAD}. The receiving token unwraps both in reverse; the AES keys are destroyed as
 * soon as they have served.
 */
final class Pkcs11KeyTransfer {
  private static final long TRANSPORT_KEY_BITS = 3072;
  private static final int MIN_TRANSPORT_KEY_BITS = 2048;
  private static final long KEY_ENCRYPTION_KEY_BYTES = 32;

  private final PKCS11 library;
  private final KeyObjects objects;
  private final SecureRandom random = new SecureRandom();

  Pkcs11KeyTransfer(PKCS11 library, KeyObjects objects) {
    this.library = library;
    this.objects = objects;
  }

  /** A transport key pair: the handle of the private half and the public half. */
  record TransportKey(long privateKey, PublicKey publicKey) {}

  /** Makes a transport key pair as session objects of {@code session}. */
  TransportKey createTransportKey(long session) throws PKCS11Exception {
    CK_ATTRIBUTE[] publicTemplate = {
      new CK_ATTRIBUTE(CKA_TOKEN, false),
      new CK_ATTRIBUTE(CKA_MODULUS_BITS, TRANSPORT_KEY_BITS),
      new CK_ATTRIBUTE(CKA_PUBLIC_EXPONENT, BigInteger.valueOf(65537)),
      new CK_ATTRIBUTE(CKA_WRAP, true)
    };
    CK_ATTRIBUTE[] privateTemplate = {
      new CK_ATTRIBUTE(CKA_TOKEN, false),
      new CK_ATTRIBUTE(CKA_PRIVATE, true),
      new CK_ATTRIBUTE(CKA_SENSITIVE, true),
      new CK_ATTRIBUTE(CKA_EXTRACTABLE, false),
      new CK_ATTRIBUTE(CKA_UNWRAP, true),
      new CK_ATTRIBUTE(CKA_DECRYPT, false),
      new CK_ATTRIBUTE(CKA_SIGN, false)
    };
    long[] pair =
        library.C_GenerateKeyPair(
            session, new CK_MECHANISM(CKM_RSA_PKCS_KEY_PAIR_GEN), publicTemplate, privateTemplate);
    try {
      SubjectPublicKeyInfo info = objects.publicKeyInfo(session, pair[0]);
      return new TransportKey(pair[1], KeyObjects.toPublicKey(info));
    } finally {
      // Only its modulus and exponent were needed; the exporting token imports its own copy.
      objects.destroyQuietly(session, pair[0]);
    }
  }

  /**
   * The transport key as a SubjectPublicKeyInfo.
   *
   * @throws IllegalArgumentException if it is not RSA of at least 2048 bits
   */
  static SubjectPublicKeyInfo requireTransportKey(PublicKey transportKey) {
    if (!(transportKey instanceof RSAPublicKey rsa)
        || rsa.getModulus().bitLength() < MIN_TRANSPORT_KEY_BITS) {
      throw new IllegalArgumentException(
          "a transport key must be an RSA key of at least " + MIN_TRANSPORT_KEY_BITS + " bits");
    }
    return SubjectPublicKeyInfo.getInstance(transportKey.getEncoded());
  }

  /**
   * Wraps the private key {@code privateKey} of the pair {@code alias} for {@code transportKey}.
   */
  WrappedKey export(
      long session,
      String alias,
      KeyAlgorithm algorithm,
      SubjectPublicKeyInfo publicKey,
      long privateKey,
      PublicKey transportKey)
      throws PKCS11Exception {
    long transport =
        objects.createPublicKey(
            session,
            requireTransportKey(transportKey),
            List.of(
                new CK_ATTRIBUTE(CKA_TOKEN, false),
                new CK_ATTRIBUTE(CKA_WRAP, true),
                new CK_ATTRIBUTE(CKA_ENCRYPT, false),
                new CK_ATTRIBUTE(CKA_VERIFY, false)));
    try {
      long keyEncryptionKey = library.C_GenerateKey(session, aesKeyGen(), keyEncryptionKey());
      try {
        byte[] encryptedKey = library.C_WrapKey(session, oaep(), transport, keyEncryptionKey);
        byte[] wrapped =
            library.C_WrapKey(
                session, new CK_MECHANISM(CKM_AES_KEY_WRAP_PAD), keyEncryptionKey, privateKey);
        return new WrappedKey(
            alias,
            algorithm,
            publicKey.getEncoded(ASN1Encoding.DER),
            WrappedKey.transportKeyIdOf(transportKey),
            encryptedKey,
            wrapped);
      } finally {
        objects.destroyQuietly(session, keyEncryptionKey);
      }
    } catch (IOException e) {
      throw new CryptoTokenException("cannot encode the public key of " + alias, e);
    } finally {
      objects.destroyQuietly(session, transport);
    }
  }

  /**
   * Stores the pair of {@code key} on the token, labelled with its alias and {@code id}: unwraps
   * the private key, creates the public key object, and signs a random challenge with the new
   * private key that must verify under the wrapped public key; if anything fails, both objects are
   * destroyed.
   *
   * @return the handles of the public and the private key object
   */
  long[] importPair(long session, TransportKey transport, WrappedKey key, byte[] id)
      throws PKCS11Exception {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(key.publicKeyInfo());
    } catch (IllegalArgumentException e) {
      throw new CryptoTokenException("malformed public key in wrapped key " + key.alias(), e);
    }
    if (KeyObjects.algorithmOf(info) != key.algorithm()) {
      throw new CryptoTokenException("wrapped key " + key.alias() + " is not of its stated type");
    }
    long privateKey = importPrivateKey(session, transport, key, id);
    long publicKey = -1;
    boolean imported = false;
    try {
      publicKey =
          objects.createPublicKey(session, info, KeyObjects.publicAttributes(key.alias(), id));
      requirePair(session, key, privateKey, info);
      imported = true;
      return new long[] {publicKey, privateKey};
    } finally {
      if (!imported) {
        objects.destroyQuietly(session, privateKey);
        if (publicKey != -1) {
          objects.destroyQuietly(session, publicKey);
        }
      }
    }
  }

  /** Signs a random challenge with the imported private key and verifies it in Java. */
  private void requirePair(long session, WrappedKey key, long privateKey, SubjectPublicKeyInfo info)
      throws PKCS11Exception {
    SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(key.algorithm());
    byte[] challenge = new byte[32];
    random.nextBytes(challenge);
    byte[] signature =
        DigestSignatures.sign(
            library, session, privateKey, algorithm, DigestSignatures.digest(challenge));
    try {
      Signature verifier = Signature.getInstance(algorithm.jcaName());
      verifier.initVerify(KeyObjects.toPublicKey(info));
      verifier.update(challenge);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      throw new CryptoTokenException("cannot check imported key " + key.alias(), e);
    }
    throw new CryptoTokenException(
        "wrapped key " + key.alias() + " does not match its public key; nothing was imported");
  }

  private long importPrivateKey(long session, TransportKey transport, WrappedKey key, byte[] id)
      throws PKCS11Exception {
    CK_ATTRIBUTE[] aesTemplate = {
      new CK_ATTRIBUTE(CKA_CLASS, CKO_SECRET_KEY),
      new CK_ATTRIBUTE(CKA_KEY_TYPE, CKK_AES),
      new CK_ATTRIBUTE(CKA_TOKEN, false),
      new CK_ATTRIBUTE(CKA_SENSITIVE, true),
      new CK_ATTRIBUTE(CKA_EXTRACTABLE, false),
      new CK_ATTRIBUTE(CKA_UNWRAP, true)
    };
    long keyEncryptionKey =
        library.C_UnwrapKey(
            session, oaep(), transport.privateKey(), key.encryptedKeyEncryptionKey(), aesTemplate);
    try {
      return library.C_UnwrapKey(
          session,
          new CK_MECHANISM(CKM_AES_KEY_WRAP_PAD),
          keyEncryptionKey,
          key.wrappedPrivateKey(),
          KeyObjects.unwrapTemplate(key.algorithm(), key.alias(), id));
    } finally {
      objects.destroyQuietly(session, keyEncryptionKey);
    }
  }

  private static CK_MECHANISM aesKeyGen() {
    return new CK_MECHANISM(CKM_AES_KEY_GEN);
  }

  /** A session AES-256 key that can wrap, and be wrapped, but never leaves in clear. */
  private static CK_ATTRIBUTE[] keyEncryptionKey() {
    return new CK_ATTRIBUTE[] {
      new CK_ATTRIBUTE(CKA_TOKEN, false),
      new CK_ATTRIBUTE(CKA_VALUE_LEN, KEY_ENCRYPTION_KEY_BYTES),
      new CK_ATTRIBUTE(CKA_SENSITIVE, true),
      new CK_ATTRIBUTE(CKA_EXTRACTABLE, true),
      new CK_ATTRIBUTE(CKA_WRAP, true),
      new CK_ATTRIBUTE(CKA_ENCRYPT, false),
      new CK_ATTRIBUTE(CKA_DECRYPT, false)
    };
  }

  /**
   * RSAES-OAEP with SHA-1 and MGF1-SHA-1 and an empty label: the one OAEP variant SoftHSM2 2.6
   * unwraps (others fail with CKR_ARGUMENTS_BAD). The JDK's CK_MECHANISM has no constructor for
   * OAEP parameters, but passes them on from its public parameter field.
   */
  private static CK_MECHANISM oaep() {
    CK_RSA_PKCS_OAEP_PARAMS parameters = new CK_RSA_PKCS_OAEP_PARAMS();
    parameters.hashAlg = CKM_SHA_1;
    parameters.mgf = CKG_MGF1_SHA1;
    parameters.source = CKZ_DATA_SPECIFIED;
    parameters.pSourceData = null;
    CK_MECHANISM mechanism = new CK_MECHANISM(CKM_RSA_PKCS_OAEP);
    mechanism.pParameter = parameters;
    return mechanism;
  }
}
