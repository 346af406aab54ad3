package org.egovca.hsm;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.hsm.KeyDirectory.StoredKey;

/**
 * A {@link CryptoToken} that keeps its keys in a directory, the private keys encrypted under a key
 * derived from the token PIN. It serves CAs that run without an HSM (test systems, small
 * deployments); the files can be backed up as they are, since they are useless without the PIN.
 *
 * <p>Activation derives the token key once and decrypts all private keys into memory, where they
 * stay, inside this object only, until {@link #deactivate()}. Signing uses pooled BouncyCastle
 * lightweight signers, so concurrent signing neither blocks nor re-initialises keys.
 *
 * <p>The directory format is described in {@link KeyDirectory}.
 *
 * <p>Files are replaced only by writing a temporary file ({@code .tmp-*.part}) in the directory and
 * renaming it atomically; on POSIX file systems every file is created rw------- and a directory
 * created by {@link #initialize} rwx------. For a new alias the {@code .key} file is written before
 * the {@code .pub} file, and both before {@link #generateKeyPair} or {@link #importKey} returns. An
 * existing key file is never overwritten. On activation each private key is checked against its
 * public key file. {@link #destroyKey} overwrites the {@code .key} file with random bytes before it
 * deletes both files.
 *
 * <p>{@link #changePin} writes the whole token anew under the new PIN beside the old one and swaps
 * the directories ({@link TokenDirectorySwap}), so that no moment has keys under both PINs.
 *
 * <p>Keys move to and from other tokens in the {@link WrappedKey} format, so a software key can be
 * backed up to another software token (or, for RSA and P-256, to a PKCS#11 token); transport key
 * pairs live in memory only, until they are used or the token is deactivated.
 *
 * <p>A directory must be used by one token object at a time; there is no locking between processes.
 * Key material in memory is cleared on a best-effort basis: the PIN copy and the token key are
 * overwritten when no longer needed, decrypted key encodings right after parsing, but
 * BouncyCastle's key objects and the JVM's copies can only be dropped and left to the garbage
 * collector.
 */
public final class SoftwareCryptoToken implements CryptoToken {
  /** PBKDF2 iterations for new tokens: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  static final int PBKDF2_ITERATIONS = 600_000;

  private static final int SALT_BYTES = 32;

  private final String name;
  private final Path directory;
  private final KeyDirectory files;
  private volatile TokenProperties properties;
  private final Map<String, StoredKey> keys;
  private final SecureRandom random = new SecureRandom();

  /** Serialises activation, deactivation and changes to the keys; signing does not take it. */
  private final Object lock = new Object();

  /** The unlocked keys, or null while offline. */
  private volatile TokenSession session;

  /**
   * Opens the existing token in {@code directory}, offline; same as {@link #open}.
   *
   * @throws CryptoTokenException if the directory holds no token or unreadable token files
   */
  public SoftwareCryptoToken(String name, Path directory) {
    this.name = requireName(name);
    this.directory = Objects.requireNonNull(directory, "directory");
    this.files = new KeyDirectory(name, directory);
    TokenDirectorySwap.recover(name, directory);
    this.properties = TokenProperties.read(directory);
    this.keys = new ConcurrentHashMap<>(files.readPublicKeys());
  }

  /**
   * Opens the existing token in {@code directory}. It is offline until {@link #activate}.
   *
   * @throws CryptoTokenException if the directory holds no token or unreadable token files
   */
  public static SoftwareCryptoToken open(String name, Path directory) {
    return new SoftwareCryptoToken(name, directory);
  }

  /**
   * Creates a new token without keys in {@code directory}, which must not exist or be empty, with
   * the given PIN. The returned token is already active, ready for the first key generation. The
   * caller keeps ownership of {@code pin} and should clear it afterwards.
   *
   * @throws IllegalArgumentException if the PIN is empty
   * @throws CryptoTokenException if the directory is not empty or cannot be written
   */
  public static SoftwareCryptoToken initialize(String name, Path directory, char[] pin) {
    requireName(name);
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(pin, "pin");
    if (pin.length == 0) {
      throw new IllegalArgumentException("the PIN of crypto token " + name + " must not be empty");
    }
    KeyDirectory.requireEmpty(name, directory);
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    WrappingKey key = WrappingKey.derive(pin, salt, PBKDF2_ITERATIONS);
    boolean keyInUse = false;
    try {
      AtomicFiles.createPrivateDirectories(directory);
      AtomicFiles.write(
          directory.resolve(TokenProperties.FILE_NAME),
          new TokenProperties(PBKDF2_ITERATIONS, salt, key.pinCheck()).encode());
      SoftwareCryptoToken token = new SoftwareCryptoToken(name, directory);
      token.session = new TokenSession(key, new ConcurrentHashMap<>());
      keyInUse = true;
      return token;
    } catch (IOException e) {
      throw new CryptoTokenException(
          "cannot initialize crypto token " + name + " in " + directory, e);
    } finally {
      if (!keyInUse) {
        key.destroy();
      }
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TokenStatus status() {
    return session == null ? TokenStatus.OFFLINE : TokenStatus.ACTIVE;
  }

  @Override
  public TokenKind kind() {
    return TokenKind.SOFTWARE;
  }

  @Override
  public void activate(char[] pin) {
    Objects.requireNonNull(pin, "pin");
    synchronized (lock) {
      WrappingKey key = WrappingKey.derive(pin, properties.salt(), properties.iterations());
      boolean keyInUse = false;
      try {
        if (!key.matchesPinCheck(properties.pinCheck())) {
          throw new TokenAuthenticationException(name);
        }
        Map<String, SignerPool> signers = new ConcurrentHashMap<>();
        for (Map.Entry<String, StoredKey> entry : keys.entrySet()) {
          signers.put(entry.getKey(), unlock(key, entry.getKey(), entry.getValue()));
        }
        TokenSession previous = session;
        session = new TokenSession(key, signers);
        keyInUse = true;
        if (previous != null) {
          previous.destroy();
        }
      } finally {
        if (!keyInUse) {
          key.destroy();
        }
      }
    }
  }

  @Override
  public void deactivate() {
    synchronized (lock) {
      TokenSession previous = session;
      session = null;
      if (previous != null) {
        previous.destroy();
      }
    }
  }

  @Override
  public boolean canChangePin() {
    return true;
  }

  /**
   * Writes the whole token anew, every private key encrypted under a key derived from {@code
   * newPin} with a fresh salt, then swaps it in ({@link TokenDirectorySwap}): a crash leaves the
   * token with the old PIN or with the new one, never with keys under both. The old files are
   * overwritten before they are deleted.
   */
  @Override
  public void changePin(char[] newPin) {
    Objects.requireNonNull(newPin, "newPin");
    if (newPin.length == 0) {
      throw new IllegalArgumentException("the PIN of crypto token " + name + " must not be empty");
    }
    synchronized (lock) {
      TokenSession current = requireActive();
      byte[] salt = new byte[SALT_BYTES];
      random.nextBytes(salt);
      WrappingKey newKey = WrappingKey.derive(newPin, salt, PBKDF2_ITERATIONS);
      boolean keyInUse = false;
      try {
        TokenProperties changed = new TokenProperties(PBKDF2_ITERATIONS, salt, newKey.pinCheck());
        writeNext(current.key, newKey, changed);
        TokenDirectorySwap.swap(name, directory);
        properties = changed;
        current.replaceKey(newKey);
        keyInUse = true;
      } catch (IOException e) {
        throw new CryptoTokenException(
            "cannot change the PIN of crypto token " + name + "; the old PIN still works", e);
      } finally {
        if (!keyInUse) {
          newKey.destroy();
        }
      }
    }
  }

  /** The token as it will be under {@code newKey}, in {@link TokenDirectorySwap#next}. */
  private void writeNext(WrappingKey oldKey, WrappingKey newKey, TokenProperties changed)
      throws IOException {
    Path next = TokenDirectorySwap.next(directory);
    TokenDirectorySwap.eraseIfPresent(next);
    AtomicFiles.createPrivateDirectories(next);
    KeyDirectory nextFiles = new KeyDirectory(name, next);
    for (Map.Entry<String, StoredKey> key : keys.entrySet()) {
      byte[] privateKeyInfo = files.decrypt(oldKey, key.getKey());
      try {
        nextFiles.write(
            key.getKey(), newKey.wrap(privateKeyInfo, key.getKey()), key.getValue().info());
      } finally {
        Arrays.fill(privateKeyInfo, (byte) 0);
      }
    }
    AtomicFiles.write(next.resolve(TokenProperties.FILE_NAME), changed.encode());
  }

  @Override
  public PublicKey generateKeyPair(String alias, KeyAlgorithm algorithm) {
    KeyAliases.requireValid(alias);
    Objects.requireNonNull(algorithm, "algorithm");
    synchronized (lock) {
      TokenSession current = requireActive();
      requireNewAlias(alias);
      AsymmetricCipherKeyPair pair = SoftwareKeys.generate(algorithm, random);
      return store(
          current,
          alias,
          algorithm,
          pair.getPrivate(),
          SoftwareKeys.publicKeyInfo(pair.getPublic()));
    }
  }

  @Override
  public boolean containsKey(String alias) {
    return keys.containsKey(Objects.requireNonNull(alias, "alias"));
  }

  @Override
  public Set<String> aliases() {
    return Collections.unmodifiableSet(new TreeSet<>(keys.keySet()));
  }

  @Override
  public PublicKey publicKey(String alias) {
    return stored(alias).publicKey();
  }

  @Override
  public KeyAlgorithm keyAlgorithm(String alias) {
    return stored(alias).algorithm();
  }

  @Override
  public byte[] sign(String alias, SignatureAlgorithm algorithm, byte[] data) {
    SignatureAlgorithm.requireMatch(alias, stored(alias).algorithm(), algorithm);
    Objects.requireNonNull(data, "data");
    return signers(alias).sign(data);
  }

  /** Decrypts with the private key read from its key file for this call only, then cleared. */
  @Override
  public byte[] decrypt(String alias, byte[] sm2Cipher) {
    if (stored(alias).algorithm() != KeyAlgorithm.SM2_256) {
      throw new UnsupportedKeyOperationException(name, alias, "SM2 decryption");
    }
    Objects.requireNonNull(sm2Cipher, "sm2Cipher");
    byte[] encoded;
    synchronized (lock) {
      // under the lock: a PIN change replaces the key file and the token key together
      encoded = files.decrypt(requireActive().key, alias);
    }
    try {
      AsymmetricKeyParameter privateKey =
          SoftwareKeys.privateKey(PrivateKeyInfo.getInstance(encoded), KeyAlgorithm.SM2_256);
      return Sm2Decryption.decrypt((ECPrivateKeyParameters) privateKey, sm2Cipher, name, alias);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** Streams the content into a pooled signer instead of buffering it (see the interface). */
  @Override
  public ContentSigner contentSigner(String alias, SignatureAlgorithm algorithm) {
    SignatureAlgorithm.requireMatch(alias, stored(alias).algorithm(), algorithm);
    return new StreamingContentSigner(algorithm.algorithmIdentifier(), signers(alias).streaming());
  }

  /**
   * Forgets the key in memory and erases its files; see {@link KeyDirectory#erase} for what
   * overwriting can and cannot guarantee on a given file system.
   */
  @Override
  public void destroyKey(String alias) {
    synchronized (lock) {
      TokenSession current = requireActive();
      stored(alias);
      files.erase(alias);
      keys.remove(alias);
      SignerPool signers = current.signers.remove(alias);
      if (signers != null) {
        signers.clear();
      }
    }
  }

  @Override
  public PublicKey createTransportKey() {
    TokenSession current = requireActive();
    AsymmetricCipherKeyPair pair = SoftwareKeyTransfer.newTransportKeyPair(random);
    PublicKey publicKey = SoftwareKeys.toJcaPublicKey(SoftwareKeys.publicKeyInfo(pair.getPublic()));
    current.transportKeys.put(transportKeyName(publicKey), pair.getPrivate());
    return publicKey;
  }

  @Override
  public WrappedKey exportKey(String alias, PublicKey transportKey) {
    StoredKey stored = stored(alias);
    Objects.requireNonNull(transportKey, "transportKey");
    synchronized (lock) {
      // under the lock: a PIN change replaces the key file and the token key together
      byte[] privateKeyInfo = files.decrypt(requireActive().key, alias);
      try {
        return SoftwareKeyTransfer.wrap(alias, stored, privateKeyInfo, transportKey, random);
      } finally {
        Arrays.fill(privateKeyInfo, (byte) 0);
      }
    }
  }

  @Override
  public PublicKey importKey(WrappedKey key) {
    String alias = key.alias();
    synchronized (lock) {
      TokenSession current = requireActive();
      AsymmetricKeyParameter transportKey =
          current.transportKeys.remove(HexFormat.of().formatHex(key.transportKeyId()));
      if (transportKey == null) {
        throw new CryptoTokenException(
            "no transport key of crypto token " + name + " fits wrapped key " + alias);
      }
      requireNewAlias(alias);
      byte[] privateKeyInfo = SoftwareKeyTransfer.unwrap(key, transportKey, name);
      try {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.publicKeyInfo());
        if (SoftwareKeys.algorithmOf(info) != key.algorithm()) {
          throw new CryptoTokenException("wrapped key " + alias + " is not of its stated type");
        }
        AsymmetricKeyParameter privateKey =
            SoftwareKeys.privateKey(PrivateKeyInfo.getInstance(privateKeyInfo), key.algorithm());
        if (!SoftwareKeys.publicKeyInfoOf(privateKey).equals(info)) {
          throw new CryptoTokenException(
              "wrapped key " + alias + " does not match its public key; nothing was imported");
        }
        return store(current, alias, key.algorithm(), privateKey, info);
      } catch (IllegalArgumentException e) {
        throw new CryptoTokenException("malformed wrapped key " + alias, e);
      } finally {
        Arrays.fill(privateKeyInfo, (byte) 0);
      }
    }
  }

  @Override
  public String toString() {
    return "SoftwareCryptoToken[" + name + ", " + directory + ", " + status() + "]";
  }

  private StoredKey stored(String alias) {
    StoredKey stored = keys.get(Objects.requireNonNull(alias, "alias"));
    if (stored == null) {
      throw new UnknownKeyException(name, alias);
    }
    return stored;
  }

  private TokenSession requireActive() {
    TokenSession current = session;
    if (current == null) {
      throw new TokenOfflineException(name);
    }
    return current;
  }

  /** The signers of a key; no pool means offline, or deactivated since the key was looked up. */
  private SignerPool signers(String alias) {
    TokenSession current = session;
    SignerPool signers = current == null ? null : current.signers.get(alias);
    if (signers == null) {
      throw new TokenOfflineException(name);
    }
    return signers;
  }

  /** Called under the lock, so that the checked alias is still free when the files are written. */
  private void requireNewAlias(String alias) {
    if (keys.containsKey(alias) || files.hasFilesOf(alias)) {
      throw new KeyAliasExistsException(name, alias);
    }
  }

  /** Encrypts and writes a new key pair, then makes it usable; called under the lock. */
  private PublicKey store(
      TokenSession current,
      String alias,
      KeyAlgorithm algorithm,
      AsymmetricKeyParameter privateKey,
      SubjectPublicKeyInfo info) {
    StoredKey stored = new StoredKey(algorithm, info, SoftwareKeys.toJcaPublicKey(info));
    byte[] encoded = null;
    try {
      encoded = SoftwareKeys.privateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
      files.write(alias, current.key.wrap(encoded, alias), info);
    } catch (IOException e) {
      throw new CryptoTokenException("cannot encode key " + alias, e);
    } finally {
      if (encoded != null) {
        Arrays.fill(encoded, (byte) 0);
      }
    }
    current.signers.put(alias, signerPool(algorithm, privateKey));
    keys.put(alias, stored);
    return stored.publicKey();
  }

  /** Decrypts the private key of {@code alias}, checks it against the public key, pools it. */
  private SignerPool unlock(WrappingKey key, String alias, StoredKey stored) {
    byte[] encoded = files.decrypt(key, alias);
    try {
      AsymmetricKeyParameter privateKey =
          SoftwareKeys.privateKey(PrivateKeyInfo.getInstance(encoded), stored.algorithm());
      if (!SoftwareKeys.publicKeyInfoOf(privateKey).equals(stored.info())) {
        throw new CryptoTokenException(
            "key files "
                + files.privateKeyFileName(alias)
                + " and "
                + files.publicKeyFileName(alias)
                + " of crypto token "
                + name
                + " do not belong together");
      }
      return signerPool(stored.algorithm(), privateKey);
    } catch (IllegalArgumentException e) {
      throw new CryptoTokenException(
          "malformed private key file " + files.privateKeyFile(alias), e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  private static String transportKeyName(PublicKey transportKey) {
    return HexFormat.of().formatHex(WrappedKey.transportKeyIdOf(transportKey));
  }

  private static SignerPool signerPool(KeyAlgorithm algorithm, AsymmetricKeyParameter privateKey) {
    SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.forKey(algorithm);
    return new SignerPool(() -> SoftwareKeys.newSigner(signatureAlgorithm, privateKey));
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("crypto token name must not be blank");
    }
    return name;
  }
}
