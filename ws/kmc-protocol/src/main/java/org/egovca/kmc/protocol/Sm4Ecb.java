package org.egovca.kmc.protocol;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907) in ECB mode without padding. GM/T 0009 §7.4 asks for ECB when the envelope's
 * symmetric cipher is a block cipher; the 32-octet SM2 private key is exactly two blocks, so there
 * is nothing to pad.
 */
final class Sm4Ecb {

  static final int KEY_BYTES = 16;
  static final int BLOCK_BYTES = 16;

  private Sm4Ecb() {}

  static byte[] encrypt(byte[] key, byte[] plaintext) {
    return process(true, key, plaintext);
  }

  static byte[] decrypt(byte[] key, byte[] ciphertext) {
    return process(false, key, ciphertext);
  }

  private static byte[] process(boolean encrypt, byte[] key, byte[] input) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("an SM4 key is 16 octets, not " + key.length);
    }
    if (input.length == 0 || input.length % BLOCK_BYTES != 0) {
      throw new IllegalArgumentException(
          "SM4-ECB without padding needs whole 16-octet blocks, not " + input.length + " octets");
    }
    SM4Engine engine = new SM4Engine();
    engine.init(encrypt, new KeyParameter(key));
    byte[] output = new byte[input.length];
    for (int offset = 0; offset < input.length; offset += BLOCK_BYTES) {
      engine.processBlock(input, offset, output, offset);
    }
    return output;
  }
}
