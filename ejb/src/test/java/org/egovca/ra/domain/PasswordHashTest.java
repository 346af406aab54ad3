package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

  /** 16 bytes of salt and 32 of hash, base64 without padding: 22 and 43 characters. */
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

  private static String stored;

  @BeforeAll
  static void hash() {
    stored = PasswordHash.of("blue7Horse!x".toCharArray());
  }

  @Test
  void hashIsAnArgon2idPhcStringWithOwaspCost() {
    assertTrue(PHC.matcher(stored).matches(), stored);
  }

  @Test
  void rightPasswordMatches() {
    assertTrue(PasswordHash.matches("blue7Horse!x".toCharArray(), stored));
  }

  @Test
  void wrongPasswordDoesNotMatch() {
    assertFalse(PasswordHash.matches("blue7Horse!y".toCharArray(), stored));
    assertFalse(PasswordHash.matches("".toCharArray(), stored));
  }

  @Test
  void twoHashesOfTheSamePasswordDifferByTheirSaltAndBothMatch() {
    String other = PasswordHash.of("blue7Horse!x".toCharArray());

    assertNotEquals(stored, other);
    assertNotEquals(stored.split("\\$")[4], other.split("\\$")[4]);
    assertTrue(PasswordHash.matches("blue7Horse!x".toCharArray(), other));
  }

  @Test
  void nonAsciiPasswordIsHashedAsUtf8AndMatches() {
    String hash = PasswordHash.of("密码Secret9".toCharArray());

    assertTrue(PasswordHash.matches("密码Secret9".toCharArray(), hash));
    assertFalse(PasswordHash.matches("密碼Secret9".toCharArray(), hash));
  }

  @Test
  void costParametersAreReadFromTheStoredString() {
    byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    byte[] hash = new byte[32];
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(64)
            .withIterations(1)
            .withParallelism(1)
            .build());
    generator.generateBytes("blue7Horse!x".getBytes(StandardCharsets.UTF_8), hash);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    String cheaper =
        "$argon2id$v=19$m=64,t=1,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);

    assertTrue(PasswordHash.matches("blue7Horse!x".toCharArray(), cheaper));
    assertFalse(PasswordHash.matches("blue7Horse!y".toCharArray(), cheaper));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a hash",
        "$2a$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "$argon2i$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg",
        "$argon2id$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$",
        "$argon2id$v=19$m=64,t=1,x=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$x",
        "$argon2id$v=19$m=64,t=1,p=1$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1$AA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1000$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=-1,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void malformedStoredStringIsNoMatch(String malformed) {
    assertFalse(
        assertDoesNotThrow(() -> PasswordHash.matches("blue7Horse!x".toCharArray(), malformed)));
  }

  /**
   * Malformed or out-of-bounds stored values match nothing instead of throwing (the comment above
   * each says what it would otherwise have thrown).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        // NumberFormatException
        "$argon2id$v=19$m=abc,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // NumberFormatException
        "$argon2id$v=19$m=99999999999,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // StringIndexOutOfBoundsException
        "$argon2id$v=19$$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // StringIndexOutOfBoundsException
        "$argon2id$v=19$m,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // IllegalArgumentException from Base64
        "$argon2id$v=19$m=64,t=1,p=1$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // IllegalArgumentException from Base64
        "$argon2id$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$not*base64",
        // IllegalStateException: output length less than 4
        "$argon2id$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AA",
        // IllegalStateException: lanes must be at least 1
        "$argon2id$v=19$m=0,t=0,p=0$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // IllegalStateException: lanes must be at least 1
        "$argon2id$v=19$t=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void malformedParametersSaltOrHashAreNoMatchRatherThanAnException(String malformed) {
    assertFalse(
        assertDoesNotThrow(() -> PasswordHash.matches("blue7Horse!x".toCharArray(), malformed)));
  }
}
