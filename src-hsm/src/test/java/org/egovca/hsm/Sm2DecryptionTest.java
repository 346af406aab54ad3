package org.egovca.hsm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM2 decryption inside the token, of a GM/T 0009 DER SM2Cipher (what the KMC's escrow needs). */
class Sm2DecryptionTest {

  private static final byte[] SECRET = "sixteen octets!!".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path directory;
  private SoftwareCryptoToken token;
  private PublicKey escrowKey;

  @BeforeEach
  void setUp() {
    token = SoftwareCryptoToken.initialize("kmc", directory.resolve("token"), "pin".toCharArray());
    escrowKey = token.generateKeyPair("escrow", KeyAlgorithm.SM2_256);
  }

  @Test
  void decryptsWhatWasEncryptedToItsKey() throws Exception {
    assertArrayEquals(SECRET, token.decrypt("escrow", encrypt(escrowKey, SECRET)));
  }

  @Test
  void decryptsAfterTheTokenIsOpenedAgain() throws Exception {
    byte[] cipher = encrypt(escrowKey, SECRET);
    SoftwareCryptoToken reopened = SoftwareCryptoToken.open("kmc", directory.resolve("token"));
    reopened.activate("pin".toCharArray());
    assertArrayEquals(SECRET, reopened.decrypt("escrow", cipher));
  }

  @Test
  void refusesAnAlteredCiphertext() throws Exception {
    byte[] cipher = encrypt(escrowKey, SECRET);
    cipher[cipher.length - 1] ^= 1;
    assertThrows(CryptoTokenException.class, () -> token.decrypt("escrow", cipher));
  }

  @Test
  void refusesWhatIsNotAnSm2Cipher() {
    assertThrows(
        CryptoTokenException.class, () -> token.decrypt("escrow", new byte[] {0x30, 0x00}));
  }

  @Test
  void refusesACiphertextForAnotherKey() throws Exception {
    PublicKey other = token.generateKeyPair("other", KeyAlgorithm.SM2_256);
    byte[] cipher = encrypt(other, SECRET);
    assertThrows(CryptoTokenException.class, () -> token.decrypt("escrow", cipher));
  }

  @Test
  void refusesNonSm2KeysWithATypedError() throws Exception {
    token.generateKeyPair("ecdsa", KeyAlgorithm.EC_P256);
    byte[] cipher = encrypt(escrowKey, SECRET);
    assertThrows(UnsupportedKeyOperationException.class, () -> token.decrypt("ecdsa", cipher));
  }

  @Test
  void refusesWhenOfflineAndForUnknownKeys() throws Exception {
    byte[] cipher = encrypt(escrowKey, SECRET);
    assertThrows(UnknownKeyException.class, () -> token.decrypt("nothing", cipher));
    token.deactivate();
    assertThrows(TokenOfflineException.class, () -> token.decrypt("escrow", cipher));
  }

  @Test
  void aTokenSetDecryptsWithTheTokenHoldingTheKey() throws Exception {
    TokenSet set =
        new TokenSet("set", List.of(new TokenSet.Member(token, Set.of(KeyAlgorithm.SM2_256))));
    assertArrayEquals(SECRET, set.decrypt("escrow", encrypt(escrowKey, SECRET)));
  }

  /** GM/T 0009 SM2Cipher DER (C1, C3, C2) from BouncyCastle's raw C1C3C2, as a sender makes it. */
  static byte[] encrypt(PublicKey key, byte[] plaintext) throws Exception {
    ECPublicKeyParameters parameters =
        (ECPublicKeyParameters)
            PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(parameters, new SecureRandom()));
    byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
    ASN1EncodableVector fields = new ASN1EncodableVector();
    fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33))));
    fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 33, 65))));
    fields.add(new DEROctetString(Arrays.copyOfRange(raw, 65, 97)));
    fields.add(new DEROctetString(Arrays.copyOfRange(raw, 97, raw.length)));
    return new DERSequence(fields).getEncoded();
  }
}
