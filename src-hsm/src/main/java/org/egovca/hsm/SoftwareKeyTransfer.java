package org.egovca.hsm;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The software token's side of moving a key pair between tokens, in the {@link WrappedKey} format
 * that PKCS#11 tokens produce with {@code CKM_RSA_PKCS_OAEP} and {@code CKM_AES_KEY_WRAP_PAD}, on
 * BouncyCastle's lightweight API. The clear private key and the key encryption key exist only in
 * this process's memory, as they do whenever the software token is active.
 */
final class SoftwareKeyTransfer {
  /** RSA 3072, about 128-bit security, like the AES-256 key it carries can give at most. */
  static final int TRANSPORT_KEY_BITS = 3072;

  private static final int MIN_TRANSPORT_KEY_BITS = 2048;
  private static final int KEY_ENCRYPTION_KEY_BYTES = 32;

  private SoftwareKeyTransfer() {}

  static AsymmetricCipherKeyPair newTransportKeyPair(SecureRandom random) {
    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
    generator.init(
        new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, TRANSPORT_KEY_BITS, 112));
    return generator.generateKeyPair();
  }

  /**
   * Encrypts {@code privateKeyInfo} (DER PKCS#8) for the holder of {@code transportKey}.
   *
   * @throws IllegalArgumentException if the transport key is not RSA of at least 2048 bits
   */
  static WrappedKey wrap(
      String alias,
      KeyDirectory.StoredKey key,
      byte[] privateKeyInfo,
      PublicKey transportKey,
      SecureRandom random) {
    RSAKeyParameters transport = transportKeyParameters(transportKey);
    byte[] keyEncryptionKey = new byte[KEY_ENCRYPTION_KEY_BYTES];
    random.nextBytes(keyEncryptionKey);
    try {
      AsymmetricBlockCipher oaep = oaep();
      oaep.init(true, new ParametersWithRandom(transport, random));
      byte[] encryptedKey = oaep.processBlock(keyEncryptionKey, 0, keyEncryptionKey.length);
      Wrapper wrapper = new RFC5649WrapEngine(AESEngine.newInstance());
      wrapper.init(true, new KeyParameter(keyEncryptionKey));
      return new WrappedKey(
          alias,
          key.algorithm(),
          key.info().getEncoded(),
          WrappedKey.transportKeyIdOf(transportKey),
          encryptedKey,
          wrapper.wrap(privateKeyInfo, 0, privateKeyInfo.length));
    } catch (InvalidCipherTextException | IOException e) {
      throw new CryptoTokenException("cannot wrap key " + alias, e);
    } finally {
      Arrays.fill(keyEncryptionKey, (byte) 0);
    }
  }

  /**
   * Recovers the DER PKCS#8 private key of {@code key} with the transport private key; the caller
   * clears the result.
   *
   * @throws CryptoTokenException if it does not decrypt: another transport key, or altered
   */
  static byte[] unwrap(WrappedKey key, AsymmetricKeyParameter transportKey, String tokenName) {
    byte[] keyEncryptionKey = null;
    try {
      AsymmetricBlockCipher oaep = oaep();
      oaep.init(false, transportKey);
      byte[] encryptedKey = key.encryptedKeyEncryptionKey();
      keyEncryptionKey = oaep.processBlock(encryptedKey, 0, encryptedKey.length);
      if (keyEncryptionKey.length != KEY_ENCRYPTION_KEY_BYTES) {
        throw new InvalidCipherTextException("the key encryption key is not an AES-256 key");
      }
      Wrapper wrapper = new RFC5649WrapEngine(AESEngine.newInstance());
      wrapper.init(false, new KeyParameter(keyEncryptionKey));
      byte[] wrapped = key.wrappedPrivateKey();
      return withoutZeroPadding(wrapper.unwrap(wrapped, 0, wrapped.length));
    } catch (InvalidCipherTextException e) {
      throw new CryptoTokenException(
          "wrapped key "
              + key.alias()
              + " does not decrypt in crypto token "
              + tokenName
              + ": altered, or made for another transport key",
          e);
    } finally {
      if (keyEncryptionKey != null) {
        Arrays.fill(keyEncryptionKey, (byte) 0);
      }
    }
  }

  /**
   * The DER PrivateKeyInfo without the zero bytes SoftHSM2 2.6 appends to reach a multiple of 8
   * bytes before the RFC 5649 wrap (which pads by itself): at most seven, all zero, after the end
   * of the outer SEQUENCE. Clears the input when it copies.
   */
  private static byte[] withoutZeroPadding(byte[] unwrapped) throws InvalidCipherTextException {
    int length = derLength(unwrapped);
    int padding = unwrapped.length - length;
    if (padding < 0 || padding > 7) {
      throw new InvalidCipherTextException("the unwrapped key is not a DER structure");
    }
    for (int i = length; i < unwrapped.length; i++) {
      if (unwrapped[i] != 0) {
        throw new InvalidCipherTextException("data after the unwrapped key");
      }
    }
    if (padding == 0) {
      return unwrapped;
    }
    byte[] trimmed = Arrays.copyOf(unwrapped, length);
    Arrays.fill(unwrapped, (byte) 0);
    return trimmed;
  }

  /** The length of the DER TLV at the start of {@code der}, header included, or -1. */
  private static int derLength(byte[] der) {
    if (der.length < 2) {
      return -1;
    }
    int first = der[1] & 0xff;
    if (first < 0x80) {
      return 2 + first;
    }
    int lengthBytes = first & 0x7f;
    if (lengthBytes > 3 || der.length < 2 + lengthBytes) {
      return -1;
    }
    int length = 0;
    for (int i = 0; i < lengthBytes; i++) {
      length = (length << 8) | (der[2 + i] & 0xff);
    }
    return 2 + lengthBytes + length;
  }

  private static AsymmetricBlockCipher oaep() {
    return new OAEPEncoding(new RSABlindedEngine(), new SHA1Digest(), new SHA1Digest(), null);
  }

  private static RSAKeyParameters transportKeyParameters(PublicKey transportKey) {
    AsymmetricKeyParameter parameters;
    try {
      parameters =
          PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(transportKey.getEncoded()));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("unreadable transport key", e);
    }
    if (!(parameters instanceof RSAKeyParameters rsa)
        || rsa.getModulus().bitLength() < MIN_TRANSPORT_KEY_BITS) {
      throw new IllegalArgumentException(
          "a transport key must be an RSA key of at least " + MIN_TRANSPORT_KEY_BITS + " bits");
    }
    return rsa;
  }
}
