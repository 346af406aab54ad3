package org.egovca.hsm.sharing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * A sealed share opens with its custodian's PIN and binding only, and is what its Javadoc says.
 * Most tests seal at a cheap Argon2id cost; one pays for the production cost.
 */
class SealedShareTest {
  static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);
  private static final char[] PIN = "correct horse battery".toCharArray();

  private final SecureRandom random = new SecureRandom();
  private final SealedShare.Binding alice = new SealedShare.Binding("root-ca", "7", "alice");
  private final Share share =
      SecretSharing.split(SealedTokenPin.newSecret(random), 5, 3, random).get(1);

  @Test
  void opensWithTheRightPinAndBinding() {
    byte[] sealed = SealedShare.seal(share, PIN, alice, random, CHEAP);

    assertEquals(share, SealedShare.open(sealed, PIN, alice));
    assertArrayEquals("correct horse battery".toCharArray(), PIN, "the caller's PIN is left alone");
  }

  @Test
  void wrongPinIsRefusedNamingTheCustodianButNotThePin() {
    byte[] sealed = SealedShare.seal(share, PIN, alice, random, CHEAP);

    WrongPinException refused =
        assertThrows(
            WrongPinException.class,
            () -> SealedShare.open(sealed, "correct horse battery!".toCharArray(), alice));

    assertEquals("alice", refused.custodian());
    assertTrue(refused.getMessage().contains("alice"), refused.getMessage());
    assertFalse(refused.getMessage().contains("horse"), refused.getMessage());
    assertTrue(refused instanceof ActivationDataException);
  }

  @Test
  void doesNotOpenForAnotherCustodianDistributionOrToken() {
    byte[] sealed = SealedShare.seal(share, PIN, alice, random, CHEAP);

    for (SealedShare.Binding other :
        List.of(
            new SealedShare.Binding("root-ca", "7", "bob"),
            new SealedShare.Binding("root-ca", "8", "alice"),
            new SealedShare.Binding("issuing-ca", "7", "alice"),
            // a plain concatenation of the fields would make this binding equal to alice's
            new SealedShare.Binding("root-c", "a7", "alice"))) {
      WrongPinException refused =
          assertThrows(WrongPinException.class, () -> SealedShare.open(sealed, PIN, other));
      assertEquals(other.custodian(), refused.custodian());
    }
  }

  @Test
  void alteredSealedShareDoesNotOpen() {
    byte[] sealed = SealedShare.seal(share, PIN, alice, random, CHEAP);
    byte[] altered = sealed.clone();
    altered[altered.length - 20] ^= 1; // inside the ciphertext

    assertThrows(WrongPinException.class, () -> SealedShare.open(altered, PIN, alice));
  }

  @Test
  void refusesWhatIsNotASealedShare() throws Exception {
    byte[] sealed = SealedShare.seal(share, PIN, alice, random, CHEAP);
    byte[] trailing = Arrays.copyOf(sealed, sealed.length + 1);

    assertThrows(IllegalArgumentException.class, () -> SealedShare.open(new byte[10], PIN, alice));
    assertThrows(IllegalArgumentException.class, () -> SealedShare.open(trailing, PIN, alice));
    assertThrows(
        IllegalArgumentException.class,
        () -> SealedShare.open(SealedTokenPin.seal(PIN, new byte[32], "t", random), PIN, alice));
    ASN1Sequence fields = ASN1Sequence.getInstance(sealed);
    byte[] version2 =
        new DERSequence(
                new ASN1Encodable[] {
                  new ASN1Integer(2),
                  fields.getObjectAt(1),
                  fields.getObjectAt(2),
                  fields.getObjectAt(3)
                })
            .getEncoded();
    assertThrows(IllegalArgumentException.class, () -> SealedShare.open(version2, PIN, alice));
  }

  @Test
  void everySingleByteChangeIsRefusedWithATypedException() {
    byte[] sealed = SealedShare.seal(share, PIN, alice, random, CHEAP);

    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= (byte) 0x81;
      RuntimeException refused =
          assertThrows(RuntimeException.class, () -> SealedShare.open(altered, PIN, alice));
      assertTrue(
          refused instanceof WrongPinException
              || refused.getClass() == IllegalArgumentException.class,
          "byte " + i + ": " + refused);
    }
  }

  @Test
  void refusesAWeakPinWithoutQuotingIt() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> SealedShare.seal(share, "12345678".toCharArray(), alice, random, CHEAP));

    assertTrue(refused.getMessage().contains("ONLY_DIGITS"), refused.getMessage());
    assertFalse(refused.getMessage().contains("12345678"), refused.getMessage());
  }

  @Test
  void everySealingDrawsAFreshSaltAndNonce() {
    byte[] first = SealedShare.seal(share, PIN, alice, random, CHEAP);
    byte[] second = SealedShare.seal(share, PIN, alice, random, CHEAP);

    assertFalse(Arrays.equals(first, second));
    assertEquals(SealedShare.open(first, PIN, alice), SealedShare.open(second, PIN, alice));
  }

  @Test
  void productionSealIsTheDocumentedArgon2idAndAesGcmStructure() throws Exception {
    byte[] sealed = SealedShare.seal(share, PIN, alice, random);

    ASN1Sequence sequence = ASN1Sequence.getInstance(sealed);
    assertEquals(4, sequence.size());
    assertEquals(BigInteger.ONE, ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue());
    ASN1Sequence kdf = ASN1Sequence.getInstance(sequence.getObjectAt(1));
    byte[] salt = ASN1OctetString.getInstance(kdf.getObjectAt(0)).getOctets();
    assertEquals(16, salt.length);
    assertEquals(65_536, ASN1Integer.getInstance(kdf.getObjectAt(1)).intValueExact(), "64 MiB");
    assertEquals(3, ASN1Integer.getInstance(kdf.getObjectAt(2)).intValueExact(), "passes");
    assertEquals(1, ASN1Integer.getInstance(kdf.getObjectAt(3)).intValueExact(), "lanes");
    byte[] nonce = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
    assertEquals(12, nonce.length);
    byte[] ciphertext = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
    assertEquals(67 + 16, ciphertext.length);

    // Decrypted independently: BouncyCastle's Argon2id as documented, then the JDK's AES-GCM.
    byte[] key = new byte[32];
    Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
    argon2.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(65_536)
            .withIterations(3)
            .withParallelism(1)
            .build());
    argon2.generateBytes(new String(PIN).getBytes(UTF_8), key);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    aes.updateAAD(
        new DERSequence(
                new ASN1Encodable[] {
                  new ASN1Integer(1),
                  new DERUTF8String("root-ca"),
                  new DERUTF8String("7"),
                  new DERUTF8String("alice")
                })
            .getEncoded());
    assertArrayEquals(share.encoded(), aes.doFinal(ciphertext));

    assertFalse(contains(sealed, share.encoded()), "the share is in the sealed form in clear");
    assertEquals(share, SealedShare.open(sealed, PIN, alice));
  }

  @Test
  void opensAtTheCostItRecordsAndRefusesAbsurdCosts() {
    Argon2Cost other = new Argon2Cost(128, 2, 2);
    assertNotEquals(other, CHEAP);
    byte[] sealed = SealedShare.seal(share, PIN, alice, random, other);

    assertEquals(share, SealedShare.open(sealed, PIN, alice));
    assertThrows(IllegalArgumentException.class, () -> new Argon2Cost(4 * 1024 * 1024, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> new Argon2Cost(64, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Argon2Cost(8, 1, 2));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
