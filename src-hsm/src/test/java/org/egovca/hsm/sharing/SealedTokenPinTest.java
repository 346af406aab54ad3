package org.egovca.hsm.sharing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

class SealedTokenPinTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void opensWithTheSecretItWasSealedWith() {
    char[] tokenPin = SealedTokenPin.newTokenPin(random);
    byte[] secret = SealedTokenPin.newSecret(random);

    byte[] sealed = SealedTokenPin.seal(tokenPin, secret, "root-ca", random);

    assertArrayEquals(tokenPin, SealedTokenPin.open(sealed, secret, "root-ca"));
    assertFalse(contains(sealed, new String(tokenPin).getBytes(US_ASCII)));
  }

  @Test
  void aPinOfAnyUnicodeTextRoundTrips() {
    char[] tokenPin = "令牌 PIN 😀 1234".toCharArray();
    byte[] secret = SealedTokenPin.newSecret(random);

    byte[] sealed = SealedTokenPin.seal(tokenPin, secret, "root-ca", random);

    assertArrayEquals(tokenPin, SealedTokenPin.open(sealed, secret, "root-ca"));
  }

  @Test
  void aWrongSecretOrAnotherTokenIsRefused() {
    byte[] secret = SealedTokenPin.newSecret(random);
    byte[] sealed =
        SealedTokenPin.seal(SealedTokenPin.newTokenPin(random), secret, "root-ca", random);
    byte[] wrong = secret.clone();
    wrong[31] ^= 1;

    WrongSharesException refused =
        assertThrows(
            WrongSharesException.class, () -> SealedTokenPin.open(sealed, wrong, "root-ca"));
    assertTrue(refused.getMessage().contains("root-ca"), refused.getMessage());
    assertThrows(
        WrongSharesException.class, () -> SealedTokenPin.open(sealed, secret, "issuing-ca"));
    assertThrows(
        IllegalArgumentException.class, () -> SealedTokenPin.open(sealed, new byte[16], "root-ca"));
    assertThrows(
        IllegalArgumentException.class, () -> SealedTokenPin.open(new byte[3], secret, "root-ca"));
  }

  @Test
  void everySingleByteChangeIsRefusedWithATypedException() {
    byte[] secret = SealedTokenPin.newSecret(random);
    byte[] sealed =
        SealedTokenPin.seal(SealedTokenPin.newTokenPin(random), secret, "root-ca", random);

    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= (byte) 0x81;
      RuntimeException refused =
          assertThrows(
              RuntimeException.class, () -> SealedTokenPin.open(altered, secret, "root-ca"));
      assertTrue(
          refused instanceof WrongSharesException
              || refused.getClass() == IllegalArgumentException.class,
          "byte " + i + ": " + refused);
    }
  }

  @Test
  void newTokenPinsAre32RandomBase64urlCharacters() {
    char[] first = SealedTokenPin.newTokenPin(random);
    char[] second = SealedTokenPin.newTokenPin(random);

    assertEquals(32, first.length);
    assertTrue(new String(first).matches("[A-Za-z0-9_-]{32}"), new String(first));
    assertFalse(Arrays.equals(first, second));
    assertEquals(32, SealedTokenPin.newSecret(random).length);
  }

  @Test
  void sealedPinIsTheDocumentedHkdfAndAesGcmStructure() throws Exception {
    char[] tokenPin = SealedTokenPin.newTokenPin(random);
    byte[] secret = SealedTokenPin.newSecret(random);

    byte[] sealed = SealedTokenPin.seal(tokenPin, secret, "root-ca", random);

    ASN1Sequence sequence = ASN1Sequence.getInstance(sealed);
    assertEquals(3, sequence.size());
    assertEquals(1, ASN1Integer.getInstance(sequence.getObjectAt(0)).intValueExact());
    byte[] nonce = ASN1OctetString.getInstance(sequence.getObjectAt(1)).getOctets();
    assertEquals(12, nonce.length);
    byte[] ciphertext = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
    byte[] key = new byte[32];
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(secret, null, "egovca token activation".getBytes(US_ASCII)));
    hkdf.generateBytes(key, 0, 32);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    aes.updateAAD(
        new DERSequence(new ASN1Encodable[] {new ASN1Integer(1), new DERUTF8String("root-ca")})
            .getEncoded());

    assertEquals(new String(tokenPin), new String(aes.doFinal(ciphertext), UTF_8));
  }

  /**
   * The whole chain a ceremony uses: the token PIN sealed under a fresh secret, the secret split
   * among five custodians and each share sealed under the custodian's PIN; any three custodians
   * open the token PIN, two do not.
   */
  @Test
  void threeOfFiveCustodiansOpenTheTokenPinAndTwoDoNot() {
    char[] tokenPin = SealedTokenPin.newTokenPin(random);
    byte[] secret = SealedTokenPin.newSecret(random);
    byte[] sealedPin = SealedTokenPin.seal(tokenPin, secret, "root-ca", random);
    String[] custodians = {"alice", "bob", "carol", "dave", "erin"};
    byte[][] sealedShares = new byte[5][];
    List<Share> shares = SecretSharing.split(secret, 5, 3, random);
    for (int i = 0; i < 5; i++) {
      sealedShares[i] =
          SealedShare.seal(
              shares.get(i),
              pinOf(custodians[i]),
              binding(custodians[i]),
              random,
              SealedShareTest.CHEAP);
    }
    Arrays.fill(secret, (byte) 0);

    List<Share> present =
        List.of(
            SealedShare.open(sealedShares[4], pinOf("erin"), binding("erin")),
            SealedShare.open(sealedShares[0], pinOf("alice"), binding("alice")),
            SealedShare.open(sealedShares[2], pinOf("carol"), binding("carol")));
    byte[] combined = SecretSharing.combine(present, SealedTokenPin.SECRET_BYTES);
    assertArrayEquals(tokenPin, SealedTokenPin.open(sealedPin, combined, "root-ca"));

    assertThrows(
        WrongSharesException.class,
        () -> SecretSharing.combine(present.subList(0, 2), SealedTokenPin.SECRET_BYTES));
  }

  private static char[] pinOf(String custodian) {
    return (custodian + " s3cret PIN").toCharArray();
  }

  private static SealedShare.Binding binding(String custodian) {
    return new SealedShare.Binding("root-ca", "distribution-1", custodian);
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
