package org.egovca.hsm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The key files in the directory of a {@link SoftwareCryptoToken}: {@code <alias>.pub} and {@code
 * <alias>.key}, beside {@code token.properties}. It knows where the files are and how they are
 * written and erased, not what is in them beyond the public key.
 *
 * <h2>Directory format (format 1)</h2>
 *
 * <dl>
 *   <dt>{@code token.properties}
 *   <dd>ISO-8859-1 Java properties: {@code format=1}; {@code kdf=PBKDF2WithHmacSHA256}; {@code
 *       pbkdf2.iterations} ({@value SoftwareCryptoToken#PBKDF2_ITERATIONS} for new tokens); {@code
 *       pbkdf2.salt}, 32 random bytes in Base64; {@code pin.check}, Base64 of a 12-byte random
 *       nonce followed by the 16-byte AES-256-GCM tag computed under the token key over an empty
 *       plaintext with the additional authenticated data {@code token.properties#pin.check}
 *       (ASCII). The token key is the 32-byte PBKDF2-HMAC-SHA256 output for the PIN encoded in
 *       UTF-8 with that salt and iteration count. A wrong PIN yields another key, under which the
 *       tag does not verify.
 *   <dt>{@code <alias>.pub}
 *   <dd>The public key: DER SubjectPublicKeyInfo; for SM2 algorithm id-ecPublicKey
 *       (1.2.840.10045.2.1) with the named curve sm2p256v1 (1.2.156.10197.1.301) and the
 *       uncompressed point, for P-256 the same with the named curve secp256r1
 *       (1.2.840.10045.3.1.7), for RSA rsaEncryption with NULL parameters.
 *   <dt>{@code <alias>.key}
 *   <dd>The private key: DER PKCS#8 EncryptedPrivateKeyInfo whose encryptionAlgorithm is
 *       id-aes256-GCM (2.16.840.1.101.3.4.1.46) with GCMParameters (a fresh random 12-byte nonce,
 *       16-byte tag) and whose encryptedData is the AES-256-GCM ciphertext followed by the tag,
 *       under the token key, of the DER PrivateKeyInfo (RFC 5958), with the alias (ASCII) as
 *       additional authenticated data, so that a renamed key file does not decrypt.
 * </dl>
 */
final class KeyDirectory {
  private static final String PUBLIC_KEY_SUFFIX = ".pub";
  private static final String PRIVATE_KEY_SUFFIX = ".key";

  private final String tokenName;
  private final Path directory;
  private final SecureRandom random = new SecureRandom();

  KeyDirectory(String tokenName, Path directory) {
    this.tokenName = tokenName;
    this.directory = directory;
  }

  /** What is known about a key without the PIN. */
  record StoredKey(KeyAlgorithm algorithm, SubjectPublicKeyInfo info, PublicKey publicKey) {}

  /** The public keys of all key pairs, by alias. */
  Map<String, StoredKey> readPublicKeys() {
    Map<String, StoredKey> keys = new HashMap<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(directory, "*" + PUBLIC_KEY_SUFFIX)) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        String alias = fileName.substring(0, fileName.length() - PUBLIC_KEY_SUFFIX.length());
        if (!KeyAliases.isValid(alias)) {
          throw new CryptoTokenException(
              "unexpected file " + file + " in crypto token " + tokenName);
        }
        keys.put(alias, readPublicKey(file));
      }
    } catch (IOException e) {
      throw new CryptoTokenException("cannot read the keys of crypto token " + tokenName, e);
    }
    return keys;
  }

  private static StoredKey readPublicKey(Path file) throws IOException {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(Files.readAllBytes(file));
    } catch (IllegalArgumentException e) {
      throw new CryptoTokenException("malformed public key file " + file, e);
    }
    return new StoredKey(SoftwareKeys.algorithmOf(info), info, SoftwareKeys.toJcaPublicKey(info));
  }

  /**
   * Whether either file of {@code alias} exists: catches leftovers and, on case-insensitive file
   * systems, "CA" against "ca".
   */
  boolean hasFilesOf(String alias) {
    return Files.exists(privateKeyFile(alias)) || Files.exists(publicKeyFile(alias));
  }

  /** The encrypted private key of {@code alias}. */
  EncryptedPrivateKeyInfo readPrivateKey(String alias) throws IOException {
    return EncryptedPrivateKeyInfo.getInstance(Files.readAllBytes(privateKeyFile(alias)));
  }

  /**
   * Writes the files of a new key pair, the private key first, so that a public key file always has
   * its private key. The caller has made sure, under its lock, that neither file exists.
   */
  void write(String alias, EncryptedPrivateKeyInfo privateKey, SubjectPublicKeyInfo publicKey) {
    Path privateFile = privateKeyFile(alias);
    try {
      AtomicFiles.write(privateFile, privateKey.getEncoded(ASN1Encoding.DER));
      try {
        AtomicFiles.write(publicKeyFile(alias), publicKey.getEncoded(ASN1Encoding.DER));
      } catch (IOException e) {
        Files.deleteIfExists(privateFile);
        throw e;
      }
    } catch (IOException e) {
      throw new CryptoTokenException(
          "cannot store key " + alias + " of crypto token " + tokenName, e);
    }
  }

  /**
   * Erases the files of {@code alias}: the private key file is overwritten in place with random
   * bytes and forced to disk before both files are deleted, the public key file first, so that an
   * interrupted erasure leaves no usable pair. Journalling and copy-on-write file systems and flash
   * storage may keep old blocks; those hold the key encrypted under the token key only.
   */
  void erase(String alias) {
    Path privateFile = privateKeyFile(alias);
    try {
      AtomicFiles.overwriteWithNoise(privateFile, random);
      Files.deleteIfExists(publicKeyFile(alias));
      Files.delete(privateFile);
    } catch (IOException e) {
      throw new CryptoTokenException(
          "cannot erase key " + alias + " of crypto token " + tokenName, e);
    }
  }

  /**
   * The DER PrivateKeyInfo in the key file of {@code alias}, decrypted with {@code key}; the caller
   * clears it.
   */
  byte[] decrypt(WrappingKey key, String alias) {
    Path file = privateKeyFile(alias);
    try {
      return key.unwrap(readPrivateKey(alias), alias);
    } catch (IOException e) {
      throw new CryptoTokenException("cannot read " + file, e);
    } catch (InvalidCipherTextException e) {
      throw new CryptoTokenException(
          "cannot decrypt " + file + ": altered, renamed or from another token", e);
    } catch (IllegalArgumentException e) {
      throw new CryptoTokenException("malformed private key file " + file, e);
    }
  }

  /** The private key file's name, for messages. */
  String privateKeyFileName(String alias) {
    return alias + PRIVATE_KEY_SUFFIX;
  }

  /** The public key file's name, for messages. */
  String publicKeyFileName(String alias) {
    return alias + PUBLIC_KEY_SUFFIX;
  }

  Path privateKeyFile(String alias) {
    return directory.resolve(privateKeyFileName(alias));
  }

  private Path publicKeyFile(String alias) {
    return directory.resolve(publicKeyFileName(alias));
  }

  /**
   * Refuses a directory in which a new token cannot be created: one that holds a token, is not a
   * directory or is not empty. A directory that does not exist is fine.
   */
  static void requireEmpty(String name, Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    String problem;
    if (Files.exists(directory.resolve(TokenProperties.FILE_NAME))) {
      problem = " already holds a crypto token";
    } else if (!Files.isDirectory(directory)) {
      problem = " is not a directory";
    } else {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
        if (!entries.iterator().hasNext()) {
          return;
        }
      } catch (IOException e) {
        throw new CryptoTokenException("cannot read " + directory, e);
      }
      problem = " is not empty";
    }
    throw new CryptoTokenException(
        "cannot initialize crypto token " + name + ": " + directory + problem);
  }
}
