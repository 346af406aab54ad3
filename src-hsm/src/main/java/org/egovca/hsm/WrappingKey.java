package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AES-256 key a software token derives from its PIN, and everything encrypted under it: the
 * private key files and the PIN check value. Deriving one key per token rather than one per key
 * file keeps activation to a single slow PBKDF2 run however many keys the token holds.
 *
 * <p>Every encryption is AES-256-GCM with a fresh random 96-bit nonce and a 128-bit tag. The
 * additional authenticated data binds a ciphertext to its purpose: a private key file to its alias,
 * the PIN check to {@value #PIN_CHECK_CONTEXT} (which contains {@code #}, a character no alias may
 * contain).
 */
final class WrappingKey {
  static final String KDF_ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int KEY_BITS = 256;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BYTES = 16;
  private static final String PIN_CHECK_CONTEXT = "token.properties#pin.check";

  private final byte[] key;
  private final SecureRandom random = new SecureRandom();
  private volatile boolean destroyed;

  private WrappingKey(byte[] key) {
    this.key = key;
  }

  /**
   * Runs PBKDF2-HMAC-SHA256 over the PIN; the caller must {@link #destroy()} the result. The PIN
   * copy in the key spec is cleared here; the JDK clears its own key object when it is collected.
   */
  static WrappingKey derive(char[] pin, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, KEY_BITS);
    try {
      return new WrappingKey(
          SecretKeyFactory.getInstance(KDF_ALGORITHM).generateSecret(spec).getEncoded());
    } catch (GeneralSecurityException e) {
      throw new CryptoTokenException("cannot derive the token key with " + KDF_ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }

  /** A value only this key can produce: nonce followed by the GCM tag over no plaintext. */
  byte[] pinCheck() {
    byte[] nonce = newNonce();
    byte[] tag = seal(nonce, PIN_CHECK_CONTEXT, new byte[0]);
    byte[] check = Arrays.copyOf(nonce, NONCE_BYTES + tag.length);
    System.arraycopy(tag, 0, check, NONCE_BYTES, tag.length);
    return check;
  }

  /** Whether {@code check} came from {@link #pinCheck()} under this key, that is the same PIN. */
  boolean matchesPinCheck(byte[] check) {
    if (check.length != NONCE_BYTES + TAG_BYTES) {
      return false;
    }
    try {
      gcm(
          false,
          Arrays.copyOf(check, NONCE_BYTES),
          PIN_CHECK_CONTEXT,
          Arrays.copyOfRange(check, NONCE_BYTES, check.length));
      return true;
    } catch (InvalidCipherTextException e) {
      return false;
    }
  }

  /** Encrypts a DER PrivateKeyInfo for the key file of {@code alias}. */
  EncryptedPrivateKeyInfo wrap(byte[] privateKeyInfo, String alias) {
    byte[] nonce = newNonce();
    return new EncryptedPrivateKeyInfo(
        new AlgorithmIdentifier(
            NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, TAG_BYTES)),
        seal(nonce, alias, privateKeyInfo));
  }

  /**
   * Decrypts the key file of {@code alias} to its DER PrivateKeyInfo.
   *
   * @throws InvalidCipherTextException if the file was not made by {@link #wrap} with this key and
   *     alias, or was altered
   */
  byte[] unwrap(EncryptedPrivateKeyInfo encrypted, String alias) throws InvalidCipherTextException {
    AlgorithmIdentifier algorithm = encrypted.getEncryptionAlgorithm();
    if (!NISTObjectIdentifiers.id_aes256_GCM.equals(algorithm.getAlgorithm())) {
      throw new InvalidCipherTextException("not encrypted with AES-256-GCM: " + algorithm);
    }
    GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
    if (parameters.getNonce().length != NONCE_BYTES || parameters.getIcvLen() != TAG_BYTES) {
      throw new InvalidCipherTextException("unexpected GCM nonce or tag length");
    }
    return gcm(false, parameters.getNonce(), alias, encrypted.getEncryptedData());
  }

  /** Overwrites the key bytes; this object is unusable afterwards. */
  void destroy() {
    destroyed = true;
    Arrays.fill(key, (byte) 0);
  }

  private byte[] newNonce() {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return nonce;
  }

  private byte[] seal(byte[] nonce, String context, byte[] plaintext) {
    try {
      return gcm(true, nonce, context, plaintext);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("GCM encryption does not check a tag", e);
    }
  }

  private byte[] gcm(boolean encrypt, byte[] nonce, String context, byte[] input)
      throws InvalidCipherTextException {
    if (destroyed) {
      // Encrypting under the zeroed key would write private keys that anyone can decrypt.
      throw new IllegalStateException("token key already destroyed");
    }
    KeyParameter keyParameter = new KeyParameter(key);
    try {
      GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
      cipher.init(
          encrypt,
          new AEADParameters(keyParameter, TAG_BYTES * 8, nonce, context.getBytes(US_ASCII)));
      byte[] output = new byte[cipher.getOutputSize(input.length)];
      int length = cipher.processBytes(input, 0, input.length, output, 0);
      length += cipher.doFinal(output, length);
      return length == output.length ? output : Arrays.copyOf(output, length);
    } finally {
      Arrays.fill(keyParameter.getKey(), (byte) 0);
    }
  }
}
