package org.egovca.hsm.sharing;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM with a 96-bit nonce and a 128-bit tag (appended to the ciphertext), through
 * BouncyCastle's lightweight API. Callers derive a fresh key or draw a fresh random nonce for every
 * encryption, and bind the ciphertext to its context through the additional authenticated data.
 */
final class AesGcm {
  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;

  private AesGcm() {}

  static byte[] newNonce(SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return nonce;
  }

  static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    try {
      return run(true, key, nonce, aad, plaintext);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("GCM encryption does not check a tag", e);
    }
  }

  /**
   * Decrypts and checks the tag.
   *
   * @throws InvalidCipherTextException if the key, nonce or additional data differ from those of
   *     the encryption, or the ciphertext was altered
   */
  static byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
      throws InvalidCipherTextException {
    return run(false, key, nonce, aad, ciphertext);
  }

  private static byte[] run(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
      throws InvalidCipherTextException {
    KeyParameter keyParameter = new KeyParameter(key);
    try {
      GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
      cipher.init(encrypt, new AEADParameters(keyParameter, TAG_BYTES * 8, nonce, aad));
      // GCM knows the exact output length in advance: the input plus or minus the tag.
      byte[] output = new byte[cipher.getOutputSize(input.length)];
      try {
        int length = cipher.processBytes(input, 0, input.length, output, 0);
        cipher.doFinal(output, length);
        return output;
      } catch (InvalidCipherTextException e) {
        Arrays.fill(output, (byte) 0); // plaintext whose tag did not verify
        throw e;
      }
    } finally {
      Arrays.fill(keyParameter.getKey(), (byte) 0); // KeyParameter's own copy of the key
    }
  }
}
