package org.egovca.hsm.sharing;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The cost of Argon2id (RFC 9106, version 1.3), the function that turns a custodian's PIN into the
 * key of their sealed share. A sealed share records the cost it was made with, so that the cost can
 * rise later without making existing shares unreadable. Production code seals only with {@link
 * #PRODUCTION}; cheaper costs exist for tests, which is why this type is not public.
 *
 * @param memoryKiB memory in KiB; at least 8 per lane, at most {@value #MAX_MEMORY_KIB}
 * @param iterations passes over the memory, 1 to {@value #MAX_ITERATIONS}
 * @param parallelism lanes, 1 to {@value #MAX_PARALLELISM}
 */
record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
  /**
   * 64 MiB, 3 passes, 1 lane: the memory and passes of RFC 9106's second recommended option (§4),
   * and above OWASP's minimums for Argon2id. One lane, not four, because BouncyCastle computes the
   * lanes one after another: a PIN-guesser's hardware would run in parallel what we run in turn.
   */
  static final Argon2Cost PRODUCTION = new Argon2Cost(65_536, 3, 1);

  /**
   * The ceilings guard {@link SealedShare#open} against a sealed share whose recorded cost would
   * exhaust the server's memory or time; they leave room to raise {@link #PRODUCTION} fourfold.
   */
  static final int MAX_MEMORY_KIB = 262_144;

  static final int MAX_ITERATIONS = 12;
  static final int MAX_PARALLELISM = 4;

  /** Checks the bounds. */
  Argon2Cost {
    if (parallelism < 1
        || parallelism > MAX_PARALLELISM
        || iterations < 1
        || iterations > MAX_ITERATIONS
        || memoryKiB < 8 * parallelism
        || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2id cost out of bounds: m=" + memoryKiB + " t=" + iterations + " p=" + parallelism);
    }
  }

  /**
   * Derives an AES-256 key from the PIN, as UTF-8, and the salt. The caller overwrites the key when
   * done; the PIN's UTF-8 copy is overwritten here, and BouncyCastle clears its working memory.
   */
  byte[] deriveKey(char[] pin, byte[] salt) {
    Argon2Parameters.Builder parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism);
    byte[] password = Utf8.encode(pin);
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters.build());
      byte[] key = new byte[AesGcm.KEY_BYTES];
      generator.generateBytes(password, key);
      return key;
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }
}
