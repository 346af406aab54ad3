package org.egovca.hsm.sharing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * A key custodian's share encrypted under the custodian's own PIN, in the form that is stored (for
 * example in the database) between ceremonies. Only the custodian, who knows the PIN, can {@link
 * #open} it; the binding ties it to one custodian, one token and one share distribution, so that a
 * sealed share copied to another custodian's, token's or distribution's record does not open.
 *
 * <p>Sealing derives a key with Argon2id from the PIN (as UTF-8) and a fresh random 16-byte salt,
 * at the production cost (64 MiB, 3 passes, 1 lane), and encrypts the share's {@linkplain
 * Share#encoded() encoding} with AES-256-GCM under a fresh random 12-byte nonce. The sealed form is
 * this DER structure (readable with {@code openssl asn1parse -inform DER}):
 *
 * <pre>
 * SealedShare ::= SEQUENCE {
 *   version     INTEGER,          -- 1
 *   argon2id    SEQUENCE {        -- RFC 9106, version 0x13
 *     salt        OCTET STRING,   -- 16 random bytes
 *     memoryKiB   INTEGER,        -- 65536
 *     iterations  INTEGER,        -- 3
 *     parallelism INTEGER },      -- 1
 *   nonce       OCTET STRING,     -- 12 random bytes
 *   ciphertext  OCTET STRING }    -- AES-256-GCM of the 67-byte share encoding, 16-byte tag appended
 * </pre>
 *
 * <p>The GCM additional authenticated data is the DER encoding of {@code SEQUENCE { version
 * INTEGER, tokenName UTF8String, distributionId UTF8String, custodian UTF8String }}: DER, not a
 * concatenation, so that no two different bindings give the same bytes.
 *
 * <p>The PIN arrays belong to the caller, who clears them; the copies and keys made here are
 * overwritten before each method returns.
 */
public final class SealedShare {
  /** The format version this class writes and reads. */
  static final int VERSION = 1;

  static final int SALT_BYTES = 16;

  private SealedShare() {}

  /**
   * Which share a sealed share is: the custodian's share of one distribution of one token's
   * activation secret. Each field is a stable identifier the caller keeps with the sealed share.
   *
   * @param tokenName the crypto token whose activation secret was shared
   * @param distributionId the share distribution (one split of the secret among the custodians; a
   *     re-sharing makes a new one), for example the ceremony record's id
   * @param custodian the key custodian holding the share, for example the operator's login name
   */
  public record Binding(String tokenName, String distributionId, String custodian) {
    /** Checks that every field is present. */
    public Binding {
      requireText(tokenName, "tokenName");
      requireText(distributionId, "distributionId");
      requireText(custodian, "custodian");
    }

    private static void requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("a sealed share's binding needs a " + name);
      }
    }
  }

  /**
   * Seals a share under the custodian's PIN at the production Argon2id cost.
   *
   * @param pin the custodian's PIN, which must pass {@link CustodianPins#check}; not modified
   * @param random the source of the salt and the nonce
   * @return the sealed share, {@linkplain SealedShare documented} DER
   * @throws IllegalArgumentException if {@link CustodianPins#check} finds problems with the PIN
   *     (check first, to tell the custodian which)
   */
  public static byte[] seal(Share share, char[] pin, Binding binding, SecureRandom random) {
    return seal(share, pin, binding, random, Argon2Cost.PRODUCTION);
  }

  /** Seals at the given Argon2id cost: for tests, which cannot afford the production one. */
  static byte[] seal(
      Share share, char[] pin, Binding binding, SecureRandom random, Argon2Cost cost) {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(binding, "binding");
    Set<CustodianPins.Problem> problems = CustodianPins.check(pin);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "the PIN of key custodian " + binding.custodian() + " breaks the PIN rules: " + problems);
    }
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] nonce = AesGcm.newNonce(random);
    byte[] key = cost.deriveKey(pin, salt);
    byte[] plaintext = share.encoded();
    try {
      byte[] ciphertext = AesGcm.encrypt(key, nonce, additionalData(binding), plaintext);
      return Der.sequence(
          new ASN1Integer(VERSION),
          new DERSequence(
              new ASN1Encodable[] {
                new DEROctetString(salt),
                new ASN1Integer(cost.memoryKiB()),
                new ASN1Integer(cost.iterations()),
                new ASN1Integer(cost.parallelism())
              }),
          new DEROctetString(nonce),
          new DEROctetString(ciphertext));
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Opens a sealed share with its custodian's PIN.
   *
   * @param sealed a result of {@link #seal}
   * @param pin the custodian's PIN; not modified
   * @param binding the token, distribution and custodian the share was sealed for
   * @return the share
   * @throws WrongPinException if the PIN is wrong, the binding is not the one sealed with, or the
   *     sealed share was altered
   * @throws IllegalArgumentException if {@code sealed} is not a sealed share of a known version
   */
  public static Share open(byte[] sealed, char[] pin, Binding binding) {
    Objects.requireNonNull(binding, "binding");
    Parsed parsed = Parsed.of(sealed);
    byte[] key = parsed.cost.deriveKey(pin, parsed.salt);
    byte[] plaintext = null;
    try {
      plaintext = AesGcm.decrypt(key, parsed.nonce, additionalData(binding), parsed.ciphertext);
      return Share.decode(plaintext);
    } catch (InvalidCipherTextException e) {
      throw new WrongPinException(binding.custodian());
    } finally {
      Arrays.fill(key, (byte) 0);
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  private static byte[] additionalData(Binding binding) {
    return Der.sequence(
        new ASN1Integer(VERSION),
        new DERUTF8String(binding.tokenName()),
        new DERUTF8String(binding.distributionId()),
        new DERUTF8String(binding.custodian()));
  }

  /** The fields of a sealed share, read and checked against the format. */
  private record Parsed(byte[] salt, Argon2Cost cost, byte[] nonce, byte[] ciphertext) {
    static Parsed of(byte[] sealed) {
      try {
        ASN1Sequence sequence = Der.sequence(sealed, 4);
        int version = Der.integer(sequence, 0);
        if (version != VERSION) {
          throw new IllegalArgumentException("version " + version + " is unknown");
        }
        ASN1Sequence kdf = Der.sequence(sequence.getObjectAt(1), 4);
        Parsed parsed =
            new Parsed(
                Der.octets(kdf, 0),
                new Argon2Cost(Der.integer(kdf, 1), Der.integer(kdf, 2), Der.integer(kdf, 3)),
                Der.octets(sequence, 2),
                Der.octets(sequence, 3));
        if (parsed.salt.length != SALT_BYTES
            || parsed.nonce.length != AesGcm.NONCE_BYTES
            || parsed.ciphertext.length != Share.ENCODED_BYTES + AesGcm.TAG_BYTES) {
          throw new IllegalArgumentException("a salt, nonce or ciphertext of the wrong length");
        }
        return parsed;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a sealed share: " + e.getMessage(), e);
      }
    }
  }
}
