package org.egovca.hsm.sharing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A crypto token's PIN encrypted under the activation secret that the key custodians share. The
 * token PIN is random and known to nobody; the sealed PIN can be stored next to the token; only the
 * activation secret, rebuilt from enough custodians' shares, opens it.
 *
 * <p>The point of this indirection is the check it gives: a wrong combination of shares (too few,
 * mixed distributions, an altered share) gives a wrong secret, which fails the authentication tag
 * here with a {@link WrongSharesException}. It never reaches the token and so never counts against
 * the module's PIN retry counter, which could otherwise lock the token.
 *
 * <p>The key is HKDF-SHA256 of the secret (no salt: the secret is already {@value #SECRET_BYTES}
 * uniformly random bytes) with the info {@value #HKDF_INFO}, and the cipher AES-256-GCM under a
 * fresh random 12-byte nonce. The sealed form is this DER structure:
 *
 * <pre>
 * SealedTokenPin ::= SEQUENCE {
 *   version     INTEGER,          -- 1
 *   nonce       OCTET STRING,     -- 12 random bytes
 *   ciphertext  OCTET STRING }    -- AES-256-GCM of the PIN in UTF-8, 16-byte tag appended
 * </pre>
 *
 * <p>The additional authenticated data is the DER encoding of {@code SEQUENCE { version INTEGER,
 * tokenName UTF8String }}, so that one token's sealed PIN does not open as another's.
 */
public final class SealedTokenPin {
  /** The length of the activation secret that seals a token PIN. */
  public static final int SECRET_BYTES = 32;

  /** The length of a PIN made by {@link #newTokenPin}: 24 random bytes in base64url. */
  public static final int TOKEN_PIN_LENGTH = 32;

  /** HKDF's info, which keeps this key apart from any other derived from the same secret. */
  static final String HKDF_INFO = "egovca token activation";

  static final int VERSION = 1;

  private SealedTokenPin() {}

  /** A new random activation secret of {@value #SECRET_BYTES} bytes, to seal and then split. */
  public static byte[] newSecret(SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return secret;
  }

  /**
   * A new random token PIN: {@value #TOKEN_PIN_LENGTH} base64url characters (192 bits), which any
   * PKCS#11 module accepts. Set it as the token's user PIN, seal it, and clear the array.
   */
  public static char[] newTokenPin(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_PIN_LENGTH / 4 * 3];
    random.nextBytes(bytes);
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);
    char[] pin = new char[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      pin[i] = (char) encoded[i];
    }
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(encoded, (byte) 0);
    return pin;
  }

  /**
   * Encrypts a token PIN under the activation secret.
   *
   * @param tokenPin the token's PIN, not empty; not modified
   * @param secret the activation secret, {@value #SECRET_BYTES} bytes; not modified
   * @param tokenName the crypto token the PIN opens
   * @param random the source of the nonce
   * @return the sealed PIN, {@linkplain SealedTokenPin documented} DER
   */
  public static byte[] seal(char[] tokenPin, byte[] secret, String tokenName, SecureRandom random) {
    if (tokenPin.length == 0) {
      throw new IllegalArgumentException("an empty token PIN cannot be sealed");
    }
    byte[] nonce = AesGcm.newNonce(random);
    byte[] key = deriveKey(secret);
    byte[] plaintext = Utf8.encode(tokenPin);
    try {
      byte[] ciphertext = AesGcm.encrypt(key, nonce, additionalData(tokenName), plaintext);
      return Der.sequence(
          new ASN1Integer(VERSION), new DEROctetString(nonce), new DEROctetString(ciphertext));
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Decrypts a token PIN with the activation secret.
   *
   * @param sealed a result of {@link #seal}
   * @param secret the activation secret as {@link SecretSharing#combine} gave it back; not modified
   * @param tokenName the crypto token the PIN was sealed for
   * @return the token PIN, which the caller clears after activating the token
   * @throws WrongSharesException if the secret is not the one sealed with (the shares that gave it
   *     were wrong), the token name differs, or the sealed PIN was altered
   * @throws IllegalArgumentException if {@code sealed} is not a sealed token PIN of a known version
   */
  public static char[] open(byte[] sealed, byte[] secret, String tokenName) {
    byte[] nonce;
    byte[] ciphertext;
    try {
      ASN1Sequence sequence = Der.sequence(sealed, 3);
      int version = Der.integer(sequence, 0);
      if (version != VERSION) {
        throw new IllegalArgumentException("version " + version + " is unknown");
      }
      nonce = Der.octets(sequence, 1);
      ciphertext = Der.octets(sequence, 2);
      if (nonce.length != AesGcm.NONCE_BYTES || ciphertext.length < AesGcm.TAG_BYTES) {
        throw new IllegalArgumentException("a nonce or ciphertext of the wrong length");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a sealed token PIN: " + e.getMessage(), e);
    }
    byte[] key = deriveKey(secret);
    byte[] plaintext = null;
    try {
      plaintext = AesGcm.decrypt(key, nonce, additionalData(tokenName), ciphertext);
      return Utf8.decode(plaintext);
    } catch (InvalidCipherTextException e) {
      throw new WrongSharesException(
          "the key custodians' shares do not open the PIN of crypto token " + tokenName);
    } finally {
      Arrays.fill(key, (byte) 0);
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  private static byte[] deriveKey(byte[] secret) {
    if (secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException(
          "an activation secret has " + SECRET_BYTES + " bytes, not " + secret.length);
    }
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(secret, null, HKDF_INFO.getBytes(US_ASCII)));
    byte[] key = new byte[AesGcm.KEY_BYTES];
    hkdf.generateBytes(key, 0, key.length);
    return key;
  }

  private static byte[] additionalData(String tokenName) {
    Objects.requireNonNull(tokenName, "tokenName");
    return Der.sequence(new ASN1Integer(VERSION), new DERUTF8String(tokenName));
  }
}
