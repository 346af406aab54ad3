package org.egovca.hsm.pkcs11;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.KeyAliasExistsException;
import org.egovca.hsm.KeyAliases;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.TokenKind;
import org.egovca.hsm.TokenOfflineException;
import org.egovca.hsm.TokenStatus;
import org.egovca.hsm.UnknownKeyException;
import org.egovca.hsm.WrappedKey;
import org.egovca.hsm.pkcs11.Pkcs11KeyTransfer.TransportKey;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * A {@link CryptoToken} in a cryptographic module reached through PKCS#11: RSA and EC P-256 key
 * pairs are generated, used and destroyed inside the module, which never reveals a private key in
 * clear. Tested against SoftHSM2; a hardware module with the same mechanisms works alike.
 *
 * <p>It talks to the module through the JDK's PKCS#11 wrapper ({@code sun.security.pkcs11.wrapper}
 * in module {@code jdk.crypto.cryptoki}), not the SunPKCS11 provider, which can neither wrap keys
 * nor list keys without certificates nor tell a logged-out token from other failures. The JVM
 * therefore needs {@code --add-exports
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}.
 *
 * <p>The token starts {@link TokenStatus#OFFLINE}; {@link #activate} logs the user in. Because a
 * module keeps one login per token and process, activating an active token logs it out first: a
 * wrong PIN then leaves it offline. Use one object per token in a process. If the module reports
 * that the login or session is gone, the token turns {@link TokenStatus#OFFLINE} until the next
 * activation. Signing hashes in Java and has the module sign the digest, in up to {@link
 * Pkcs11TokenConfig#maxSessions()} sessions at once; key generation, import and destruction are
 * serialised.
 *
 * <p>SM2 is refused: PKCS#11 modules such as SoftHSM2 have no SM2 mechanism; SM2 CA keys stay on
 * the software token or an SDF (GM/T 0018) device.
 */
public final class Pkcs11CryptoToken implements CryptoToken {
  private static final Logger LOG = Logger.getLogger(Pkcs11CryptoToken.class.getName());
  private static final int KEY_ID_BYTES = 16;

  private final Pkcs11TokenConfig config;
  private final Pkcs11Module module;
  private final KeyObjects objects;
  private final Pkcs11KeyTransfer transfer;
  private final Map<String, KeyEntry> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Activation and deactivation take it for writing, everything using the login for reading. */
  private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();

  /** Serialises key management, which runs in the login session. */
  private final Object keyLock = new Object();

  /** The logged-in state, or null while offline. */
  private volatile Active active;

  private Pkcs11CryptoToken(Pkcs11TokenConfig config, Pkcs11Module module) {
    this.config = config;
    this.module = module;
    this.objects = new KeyObjects(module.library());
    this.transfer = new Pkcs11KeyTransfer(module.library(), objects);
  }

  /**
   * Opens the token of {@code config}, offline, and reads its public keys (which need no login).
   *
   * @throws CryptoTokenException if the library cannot be loaded or has no token with the label
   */
  public static Pkcs11CryptoToken open(Pkcs11TokenConfig config) {
    Pkcs11CryptoToken token = new Pkcs11CryptoToken(config, Pkcs11Module.open(config));
    long session = -1;
    try {
      session = token.module.openSession();
      token.readPublicKeys(session);
    } catch (PKCS11Exception e) {
      throw Pkcs11Errors.map(e, config.name(), "read the public keys");
    } finally {
      if (session != -1) {
        token.module.closeQuietly(session);
      }
    }
    return token;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public TokenStatus status() {
    Active current = active;
    return current == null || current.lost ? TokenStatus.OFFLINE : TokenStatus.ACTIVE;
  }

  @Override
  public TokenKind kind() {
    return TokenKind.PKCS11;
  }

  /**
   * Logs in with the user PIN (its UTF-8 bytes). An active token is logged out first.
   *
   * @throws org.egovca.hsm.TokenAuthenticationException if the module refuses the PIN; the token is
   *     offline then
   */
  @Override
  public void activate(char[] pin) {
    Objects.requireNonNull(pin, "pin");
    state.writeLock().lock();
    try {
      closeActive();
      SessionPool sessions = SessionPool.login(module, config.maxSessions(), pin);
      try {
        long session = sessions.loginSession();
        readPublicKeys(session);
        active = new Active(sessions, new ConcurrentHashMap<>(objects.privateKeys(session)));
      } catch (PKCS11Exception e) {
        sessions.logoutAndClose();
        throw Pkcs11Errors.map(e, name(), "read the keys");
      } catch (RuntimeException e) {
        sessions.logoutAndClose();
        throw e;
      }
    } finally {
      state.writeLock().unlock();
    }
  }

  /** Waits for running signatures, then logs out and closes every session. */
  @Override
  public void deactivate() {
    state.writeLock().lock();
    try {
      closeActive();
    } finally {
      state.writeLock().unlock();
    }
  }

  /**
   * Generates the pair inside the module: the private key sensitive, private and for signing only.
   *
   * @throws CryptoTokenException for SM2, which PKCS#11 modules cannot generate
   */
  @Override
  public PublicKey generateKeyPair(String alias, KeyAlgorithm algorithm) {
    KeyAliases.requireValid(alias);
    requireSupported(Objects.requireNonNull(algorithm, "algorithm"));
    return manage(
        "generate key " + alias,
        (current, session) -> {
          requireNewAlias(session, alias);
          long[] pair = objects.generate(session, algorithm, alias, newKeyId());
          return register(current, session, alias, pair[0], pair[1]);
        });
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
    return entry(alias).publicKey();
  }

  @Override
  public KeyAlgorithm keyAlgorithm(String alias) {
    return entry(alias).algorithm();
  }

  @Override
  public byte[] sign(String alias, SignatureAlgorithm algorithm, byte[] data) {
    SignatureAlgorithm.requireMatch(alias, entry(alias).algorithm(), algorithm);
    Objects.requireNonNull(data, "data");
    return signDigest(alias, algorithm, DigestSignatures.digest(data));
  }

  /** Hashes the content as the builder writes it and signs the digest at the end. */
  @Override
  public ContentSigner contentSigner(String alias, SignatureAlgorithm algorithm) {
    SignatureAlgorithm.requireMatch(alias, entry(alias).algorithm(), algorithm);
    if (status() != TokenStatus.ACTIVE) {
      throw new TokenOfflineException(name());
    }
    return new DigestingContentSigner(
        algorithm.algorithmIdentifier(), digest -> signDigest(alias, algorithm, digest));
  }

  /** Destroys both key objects in the module ({@code C_DestroyObject}). */
  @Override
  public void destroyKey(String alias) {
    Objects.requireNonNull(alias, "alias");
    manage(
        "destroy key " + alias,
        (current, session) -> {
          entry(alias);
          for (long handle : objects.keysLabelled(session, alias)) {
            module.library().C_DestroyObject(session, handle);
          }
          keys.remove(alias);
          current.privateKeys.remove(alias);
          return null;
        });
  }

  /** An RSA 3072 transport key pair whose private half is a session object of the login. */
  @Override
  public PublicKey createTransportKey() {
    return manage(
        "create a transport key",
        (current, session) -> {
          TransportKey key = transfer.createTransportKey(session);
          current.transportKeys.put(transportKeyName(key.publicKey()), key);
          return key.publicKey();
        });
  }

  @Override
  public WrappedKey exportKey(String alias, PublicKey transportKey) {
    KeyEntry entry = entry(alias);
    Pkcs11KeyTransfer.requireTransportKey(Objects.requireNonNull(transportKey, "transportKey"));
    return manage(
        "export key " + alias,
        (current, session) ->
            transfer.export(
                session,
                alias,
                entry.algorithm(),
                entry.info(),
                privateKey(current, alias),
                transportKey));
  }

  /**
   * Unwraps the private key into the module and creates its public key object, after checking that
   * they belong together (see {@link Pkcs11KeyTransfer#importPair}).
   */
  @Override
  public PublicKey importKey(WrappedKey key) {
    String alias = key.alias();
    return manage(
        "import key " + alias,
        (current, session) -> {
          TransportKey transport =
              current.transportKeys.remove(HexFormat.of().formatHex(key.transportKeyId()));
          if (transport == null) {
            throw new CryptoTokenException(
                "no transport key of crypto token " + name() + " fits wrapped key " + alias);
          }
          try {
            requireNewAlias(session, alias);
            requireSupported(key.algorithm());
            long[] pair = transfer.importPair(session, transport, key, newKeyId());
            return register(current, session, alias, pair[0], pair[1]);
          } finally {
            objects.destroyQuietly(session, transport.privateKey());
          }
        });
  }

  @Override
  public String toString() {
    return "Pkcs11CryptoToken["
        + name()
        + ", token "
        + config.tokenLabel()
        + " in "
        + config.library()
        + ", "
        + status()
        + "]";
  }

  private byte[] signDigest(String alias, SignatureAlgorithm algorithm, byte[] digest) {
    state.readLock().lock();
    try {
      Active current = requireActive();
      long key = privateKey(current, alias);
      long session;
      try {
        session = current.sessions.borrow();
      } catch (PKCS11Exception e) {
        throw failure(current, e, "open a session");
      }
      try {
        byte[] signature = DigestSignatures.sign(module.library(), session, key, algorithm, digest);
        current.sessions.release(session);
        return signature;
      } catch (PKCS11Exception e) {
        current.sessions.discard(session);
        throw failure(current, e, "sign with key " + alias);
      } catch (RuntimeException e) {
        current.sessions.discard(session);
        throw e;
      }
    } finally {
      state.readLock().unlock();
    }
  }

  /** Work on the keys in the login session, with the login held and other key work excluded. */
  private interface KeyWork<T> {
    T run(Active current, long session) throws PKCS11Exception;
  }

  private <T> T manage(String action, KeyWork<T> work) {
    state.readLock().lock();
    try {
      synchronized (keyLock) {
        Active current = requireActive();
        try {
          return work.run(current, current.sessions.loginSession());
        } catch (PKCS11Exception e) {
          throw failure(current, e, action);
        }
      }
    } finally {
      state.readLock().unlock();
    }
  }

  /** Maps a module error; a lost login or session turns the token offline. */
  private CryptoTokenException failure(Active current, PKCS11Exception e, String action) {
    CryptoTokenException mapped = Pkcs11Errors.map(e, name(), action);
    if (!(mapped instanceof TokenOfflineException) && !current.sessions.loggedIn()) {
      mapped = new TokenOfflineException(name());
      mapped.initCause(e);
    }
    if (mapped instanceof TokenOfflineException && !current.lost) {
      current.lost = true;
      LOG.log(
          Level.WARNING,
          "crypto token {0} is offline: the module lost its login or session ({1})",
          new Object[] {name(), e.getMessage()});
    }
    return mapped;
  }

  /** Records a new pair from its objects and returns its public key. */
  private PublicKey register(
      Active current, long session, String alias, long publicKey, long privateKey)
      throws PKCS11Exception {
    KeyEntry entry = entryOf(objects.publicKeyInfo(session, publicKey));
    keys.put(alias, entry);
    current.privateKeys.put(alias, privateKey);
    return entry.publicKey();
  }

  /** Replaces the known public keys by those on the token. */
  private void readPublicKeys(long session) throws PKCS11Exception {
    Map<String, KeyEntry> found = new HashMap<>();
    for (Map.Entry<String, Long> object : objects.publicKeys(session).entrySet()) {
      SubjectPublicKeyInfo info = objects.publicKeyInfo(session, object.getValue());
      if (info != null && KeyObjects.algorithmOf(info) != null) {
        found.put(object.getKey(), entryOf(info));
      } else {
        LOG.log(
            Level.FINE,
            "crypto token {0}: key {1} is of a type the CA does not use",
            new Object[] {name(), object.getKey()});
      }
    }
    keys.keySet().retainAll(found.keySet());
    keys.putAll(found);
  }

  private void closeActive() {
    Active previous = active;
    active = null;
    if (previous != null) {
      previous.sessions.logoutAndClose();
    }
  }

  private Active requireActive() {
    Active current = active;
    if (current == null || current.lost) {
      throw new TokenOfflineException(name());
    }
    return current;
  }

  private KeyEntry entry(String alias) {
    KeyEntry entry = keys.get(Objects.requireNonNull(alias, "alias"));
    if (entry == null) {
      throw new UnknownKeyException(name(), alias);
    }
    return entry;
  }

  private long privateKey(Active current, String alias) {
    Long handle = current.privateKeys.get(alias);
    if (handle == null) {
      entry(alias);
      throw new CryptoTokenException(
          "crypto token " + name() + " holds the public key " + alias + " but not its private key");
    }
    return handle;
  }

  private void requireNewAlias(long session, String alias) throws PKCS11Exception {
    if (keys.containsKey(alias) || objects.keysLabelled(session, alias).length > 0) {
      throw new KeyAliasExistsException(name(), alias);
    }
  }

  private void requireSupported(KeyAlgorithm algorithm) {
    if (algorithm == KeyAlgorithm.SM2_256) {
      throw new CryptoTokenException(
          "crypto token "
              + name()
              + ": SoftHSM2/PKCS#11 has no SM2 mechanism; SM2 keys stay on the software token or"
              + " an SDF (GM/T 0018) device");
    }
  }

  private byte[] newKeyId() {
    byte[] id = new byte[KEY_ID_BYTES];
    random.nextBytes(id);
    return id;
  }

  private static KeyEntry entryOf(SubjectPublicKeyInfo info) {
    return new KeyEntry(KeyObjects.algorithmOf(info), info, KeyObjects.toPublicKey(info));
  }

  private static String transportKeyName(PublicKey transportKey) {
    return HexFormat.of().formatHex(WrappedKey.transportKeyIdOf(transportKey));
  }

  /** What is known about a key pair without the login. */
  private record KeyEntry(KeyAlgorithm algorithm, SubjectPublicKeyInfo info, PublicKey publicKey) {}

  /** The logged-in state: the sessions, the private key handles, the waiting transport keys. */
  private static final class Active {
    final SessionPool sessions;
    final Map<String, Long> privateKeys;
    final Map<String, TransportKey> transportKeys = new ConcurrentHashMap<>();
    volatile boolean lost;

    Active(SessionPool sessions, Map<String, Long> privateKeys) {
      this.sessions = sessions;
      this.privateKeys = privateKeys;
    }
  }
}
