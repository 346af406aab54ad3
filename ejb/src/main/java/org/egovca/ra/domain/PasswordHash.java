package org.egovca.ra.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Operator passwords as Argon2id hashes (RFC 9106), with the cost OWASP recommends (19 MiB, two
 * passes, one lane), in the PHC string form {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, so the
 * parameters can be raised later without invalidating stored hashes.
 */
public final class PasswordHash {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;

  /** Bounds on stored parameters, so that a tampered hash cannot exhaust the server. */
  private static final int MAX_MEMORY_KIB = 256 * 1024;

  private static final int MAX_ITERATIONS = 16;
  private static final int MAX_PARALLELISM = 8;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private PasswordHash() {}

  public static String of(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return String.format(
        "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s",
        MEMORY_KIB, ITERATIONS, PARALLELISM, B64.encodeToString(salt), B64.encodeToString(hash));
  }

  /**
   * Whether {@code password} matches {@code stored}, in time independent of where they differ. A
   * stored value that is not a well-formed Argon2id hash within sane cost bounds matches nothing.
   */
  public static boolean matches(char[] password, String stored) {
    try {
      String[] parts = stored.split("\\$");
      if (parts.length != 6 || !"argon2id".equals(parts[1])) {
        return false;
      }
      int memory = 0;
      int iterations = 0;
      int parallelism = 0;
      for (String parameter : parts[3].split(",")) {
        int value = Integer.parseInt(parameter.substring(2));
        switch (parameter.substring(0, 2)) {
          case "m=" -> memory = value;
          case "t=" -> iterations = value;
          case "p=" -> parallelism = value;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      if (memory < 8
          || memory > MAX_MEMORY_KIB
          || iterations < 1
          || iterations > MAX_ITERATIONS
          || parallelism < 1
          || parallelism > MAX_PARALLELISM
          || salt.length < 8
          || expected.length < 16) {
        return false;
      }
      byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  private static byte[] argon2(
      char[] password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .build());
    byte[] out = new byte[length];
    byte[] utf8 = new String(password).getBytes(StandardCharsets.UTF_8);
    try {
      generator.generateBytes(utf8, out);
    } finally {
      java.util.Arrays.fill(utf8, (byte) 0);
    }
    return out;
  }
}
