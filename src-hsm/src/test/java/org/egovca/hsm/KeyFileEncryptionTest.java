package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the private key files against the documented format, decrypting them independently with
 * the JDK's PBKDF2 and AES-GCM: they are encrypted under the PIN, and what they hold is the key.
 */
class KeyFileEncryptionTest {

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"SM2_256", "RSA_1024"})
  void keyFileIsTheDocumentedEncryptionOfTheKey(KeyAlgorithm algorithm) throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    PublicKey publicKey = token.generateKeyPair("ca", algorithm);
    byte[] file = Files.readAllBytes(directory.resolve("ca.key"));

    // Not a clear PKCS#8 structure...
    assertThrows(IllegalArgumentException.class, () -> PrivateKeyInfo.getInstance(file));
    // ...but an EncryptedPrivateKeyInfo with AES-256-GCM, 12-byte nonce, 16-byte tag.
    EncryptedPrivateKeyInfo encrypted = EncryptedPrivateKeyInfo.getInstance(file);
    assertEquals(
        NISTObjectIdentifiers.id_aes256_GCM, encrypted.getEncryptionAlgorithm().getAlgorithm());
    GCMParameters gcm =
        GCMParameters.getInstance(encrypted.getEncryptionAlgorithm().getParameters());
    assertEquals(12, gcm.getNonce().length);
    assertEquals(16, gcm.getIcvLen());

    byte[] plaintext = decrypt(encrypted, gcm, "ca");
    PrivateKeyInfo keyInfo = PrivateKeyInfo.getInstance(plaintext);
    byte[] secret = secretOf(keyInfo, algorithm);

    assertFalse(contains(file, secret), "the file contains the private key in clear");
    assertFalse(contains(file, plaintext), "the file contains the PKCS#8 encoding in clear");
    assertFalse(
        contains(file, Arrays.copyOf(plaintext, 16)), "the file holds a clear PKCS#8 header");

    // The decrypted key is the token's key: its signatures verify with the token's public key.
    PrivateKey privateKey =
        KeyFactory.getInstance(algorithm.isRsa() ? "RSA" : "EC", TestSupport.BC)
            .generatePrivate(new PKCS8EncodedKeySpec(plaintext));
    String signatureAlgorithm = SignatureAlgorithm.forKey(algorithm).jcaName();
    Signature signer = Signature.getInstance(signatureAlgorithm, TestSupport.BC);
    signer.initSign(privateKey);
    signer.update("data".getBytes(UTF_8));
    Signature verifier = Signature.getInstance(signatureAlgorithm, TestSupport.BC);
    verifier.initVerify(publicKey);
    verifier.update("data".getBytes(UTF_8));
    assertTrue(verifier.verify(signer.sign()));
  }

  @Test
  void renamedKeyFilesDoNotDecrypt() throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    Files.copy(directory.resolve("ca.key"), directory.resolve("copy.key"));
    Files.copy(directory.resolve("ca.pub"), directory.resolve("copy.pub"));

    SoftwareCryptoToken reopened = SoftwareCryptoToken.open("test-token", directory);
    CryptoTokenException e =
        assertThrows(
            CryptoTokenException.class, () -> reopened.activate(TestSupport.PIN.toCharArray()));
    assertTrue(e.getMessage().contains("cannot decrypt"), e.getMessage());
    assertTrue(e.getMessage().contains("copy.key"), e.getMessage());
    assertEquals(TokenStatus.OFFLINE, reopened.status());
  }

  @Test
  void publicKeyFileThatDoesNotMatchItsPrivateKeyIsDetected() throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    token.generateKeyPair("other", KeyAlgorithm.SM2_256);
    Files.copy(
        directory.resolve("other.pub"),
        directory.resolve("ca.pub"),
        StandardCopyOption.REPLACE_EXISTING);

    SoftwareCryptoToken reopened = SoftwareCryptoToken.open("test-token", directory);
    CryptoTokenException e =
        assertThrows(
            CryptoTokenException.class, () -> reopened.activate(TestSupport.PIN.toCharArray()));
    assertTrue(e.getMessage().contains("do not belong together"), e.getMessage());
    assertEquals(TokenStatus.OFFLINE, reopened.status());
  }

  private byte[] decrypt(EncryptedPrivateKeyInfo encrypted, GCMParameters gcm, String alias)
      throws Exception {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(directory.resolve("token.properties"))) {
      properties.load(reader);
    }
    assertEquals("PBKDF2WithHmacSHA256", properties.getProperty("kdf"));
    byte[] salt = Base64.getDecoder().decode(properties.getProperty("pbkdf2.salt"));
    int iterations = Integer.parseInt(properties.getProperty("pbkdf2.iterations"));
    assertTrue(iterations >= 100_000, "iterations " + iterations);

    byte[] key =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(TestSupport.PIN.toCharArray(), salt, iterations, 256))
            .getEncoded();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(gcm.getIcvLen() * 8, gcm.getNonce()));
    cipher.updateAAD(alias.getBytes(UTF_8));
    return cipher.doFinal(encrypted.getEncryptedData());
  }

  private static byte[] secretOf(PrivateKeyInfo keyInfo, KeyAlgorithm algorithm) throws Exception {
    BigInteger secret =
        algorithm.isRsa()
            ? RSAPrivateKey.getInstance(keyInfo.parsePrivateKey()).getPrivateExponent()
            : ECPrivateKey.getInstance(keyInfo.parsePrivateKey()).getKey();
    assertTrue(secret.bitLength() > 200, "implausibly short private key");
    return BigIntegers.asUnsignedByteArray(secret);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
