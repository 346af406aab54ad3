package org.egovca.kmc.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.kmc.protocol.EncryptionKeyPairs;
import org.egovca.kmc.protocol.EnvelopedKeys;
import org.egovca.kmc.protocol.KmcCryptoException;
import org.egovca.kmc.protocol.asn1.AppUserInfo;
import org.egovca.kmc.protocol.asn1.ApplyKeyReq;
import org.egovca.kmc.protocol.asn1.ErrorPkgRespond;
import org.egovca.kmc.protocol.asn1.GmAlgorithms;
import org.egovca.kmc.protocol.asn1.Respond;
import org.egovca.kmc.protocol.asn1.RestoreKeyReq;
import org.egovca.kmc.protocol.asn1.RetKeyRespond;
import org.egovca.kmc.protocol.asn1.RevokeKeyReq;
import org.egovca.kmc.protocol.asn1.RevokeKeyRespond;
import org.egovca.kmc.protocol.asn1.SM2EnvelopedKey;

/**
 * What the KMC does for each request of a verified, fresh CARequest: ApplyKeyReq generates and
 * escrows a key pair, RestoreKeyReq envelopes an escrowed key anew (also an archived one; not a
 * destroyed one), RevokeKeyReq marks it revoked. A request that cannot be done is answered with an
 * ErrorPkgRespond naming the reason (the other requests of the message are still done); the clear
 * private key exists in memory for one call.
 */
final class KeyRequests {

  /** ErrorPkgRespond.errNo: the CA has no key escrowed under that encryption serial number. */
  static final int NO_SUCH_KEY = 1;

  /** ErrorPkgRespond.errNo: the CA has a key escrowed under that encryption serial number. */
  static final int KEY_EXISTS = 2;

  /** ErrorPkgRespond.errNo: an algorithm or key length other than SM2 256, SM4, SM3. */
  static final int UNSUPPORTED = 3;

  /** ErrorPkgRespond.errNo: the escrowed key does not open (a wrong escrow key, or altered). */
  static final int ESCROW_DAMAGED = 4;

  /**
   * ErrorPkgRespond.errNo: the escrowed key was destroyed after its retention, 10 years after its
   * certificate expired (CPS §7.5.2.2.5; {@link EscrowRetention}): nothing is left to restore.
   */
  static final int ESCROW_DESTROYED = 5;

  /**
   * ErrorPkgRespond.errNo: the CA has had as many restorations in the last 24 hours as the KMC's
   * restoration budget allows ({@link RestorationBudget}); the description says when it frees up.
   */
  static final int RESTORATION_LIMIT = 6;

  private static final Logger LOG = Logger.getLogger(KeyRequests.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SM2_KEY_BITS = 256;

  private final KmcKeys keys;
  private final RestorationBudget budget;

  KeyRequests(KmcKeys keys, RestorationBudget budget) {
    this.keys = keys;
    this.budget = budget;
  }

  Respond apply(KmcStore.Records records, Task task, ApplyKeyReq request) throws SQLException {
    Optional<String> unsupported =
        unsupported(request.getRetAsymAlg(), request.getRetSymAlg(), request.getRetHashAlg());
    if (!GmAlgorithms.SM2.getAlgorithm().equals(request.getAppKeyType().getAlgorithm())) {
      unsupported = Optional.of("appKeyType " + request.getAppKeyType().getAlgorithm());
    } else if (request.getAppKeyLen() != SM2_KEY_BITS) {
      unsupported = Optional.of("appKeyLen " + request.getAppKeyLen());
    }
    AppUserInfo user = request.getAppUserInfo();
    if (unsupported.isPresent()) {
      return error(UNSUPPORTED, unsupported.get() + " is not supported: only SM2 256, SM4, SM3");
    }
    KeyPair pair = EncryptionKeyPairs.generate(RANDOM);
    SM2EnvelopedKey forHolder;
    try {
      forHolder =
          EnvelopedKeys.envelope(pair.getPrivate(), pair.getPublic(), user.getUserPubKey(), RANDOM);
    } catch (IllegalArgumentException e) {
      return error(UNSUPPORTED, "userPubKey: " + e.getMessage());
    }
    byte[] escrowed =
        der(EnvelopedKeys.envelope(pair.getPrivate(), pair.getPublic(), keys.escrowKey(), RANDOM));
    boolean stored =
        records.escrow(
            new EscrowRecord(
                task.caKeyHash(),
                user.getUserCertNo(),
                pair.getPublic().getEncoded(),
                escrowed,
                KmcKeys.ESCROW_KEY,
                der(user.getUserPubKey()),
                user.getUserName(),
                user.getNotBefore(),
                user.getNotAfter(),
                EscrowRecord.ACTIVE,
                task.now(),
                task.taskNo(),
                null));
    if (!stored) {
      return error(
          KEY_EXISTS,
          "a key is escrowed for encryption certificate " + hex(user.getUserCertNo()) + " already");
    }
    LOG.info(() -> "escrowed the encryption key of certificate " + hex(user.getUserCertNo()));
    return Respond.retKey(
        new RetKeyRespond(
            user.getUserCertNo(),
            SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()),
            forHolder));
  }

  /**
   * Envelopes the escrowed key for the recipient key the CA asserted in its signed request, and
   * records that assertion (review finding K3): which key, which CA, which task, when. Within the
   * CA's restoration budget only ({@link RestorationBudget}).
   */
  Respond restore(KmcStore.Records records, Task task, RestoreKeyReq request) throws SQLException {
    Optional<String> unsupported =
        unsupported(request.getRetAsymAlg(), request.getRetSymAlg(), request.getRetHashAlg());
    if (unsupported.isPresent()) {
      return error(UNSUPPORTED, unsupported.get() + " is not supported: only SM2, SM4, SM3");
    }
    BigInteger serial = request.getUserCertNo();
    Optional<EscrowRecord> found = records.escrowed(task.caKeyHash(), serial);
    if (found.isEmpty()) {
      return noSuchKey(serial);
    }
    // An ARCHIVED key is restored as any other: archived keys are kept so that they can be.
    if (EscrowRecord.DESTROYED.equals(found.get().state())) {
      return destroyed(serial, found.get());
    }
    // checked before the escrowed key is opened: over the budget, no clear key is made at all
    Optional<String> overBudget = budget.refusal(records, task.caKeyHash(), serial, task.now());
    if (overBudget.isPresent()) {
      return error(RESTORATION_LIMIT, overBudget.get());
    }
    KeyPair pair;
    try {
      pair =
          EnvelopedKeys.open(
              SM2EnvelopedKey.getInstance(found.get().escrowedPrivateKey()),
              keys::decryptWithEscrowKey);
    } catch (KmcCryptoException e) {
      LOG.severe(() -> "the escrowed key of " + hex(serial) + " does not open: " + e);
      return error(ESCROW_DAMAGED, "the escrowed key does not open; the KMC logged why");
    }
    SM2EnvelopedKey envelope;
    try {
      envelope =
          EnvelopedKeys.envelope(
              pair.getPrivate(), pair.getPublic(), request.getUserPubKey(), RANDOM);
    } catch (IllegalArgumentException e) {
      return error(UNSUPPORTED, "userPubKey: " + e.getMessage());
    }
    warnOfNewRecipient(records, task, found.get(), request.getUserPubKey());
    records.recordRestoration(
        task.caKeyHash(), serial, der(request.getUserPubKey()), task.taskNo(), task.now());
    LOG.info(() -> "restored the encryption key of certificate " + hex(serial));
    return Respond.retRestoreKey(
        new RetKeyRespond(
            serial, SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), envelope));
  }

  private static Respond destroyed(BigInteger serial, EscrowRecord record) {
    return error(
        ESCROW_DESTROYED,
        "the escrowed key of encryption certificate "
            + hex(serial)
            + " was destroyed on "
            + LocalDate.ofInstant(record.destroyedAt(), ZoneOffset.UTC)
            + " after its retention of "
            + EscrowRetention.RETENTION.getYears()
            + " years past the certificate's expiry");
  }

  /**
   * Logs, without refusing, an envelope for a key that is neither the holder's key the escrow was
   * made for nor one the KMC restored this key to before: a judicial recovery, or a holder whose
   * signing key changed. Both are legitimate, but a stolen CA protocol key would look the same, so
   * the KMC's own log shows each. Keys are compared by their public key bits, so that two encodings
   * of one key's algorithm identifier do not count as two keys.
   */
  private static void warnOfNewRecipient(
      KmcStore.Records records, Task task, EscrowRecord escrow, SubjectPublicKeyInfo recipient)
      throws SQLException {
    if (sameKey(escrow.holderPublicKey(), recipient)) {
      return;
    }
    for (byte[] earlier : records.restoredTo(task.caKeyHash(), escrow.userCertNo())) {
      if (sameKey(earlier, recipient)) {
        return;
      }
    }
    LOG.warning(
        () ->
            "restoring the encryption key of certificate "
                + hex(escrow.userCertNo())
                + " for a recipient key it was never enveloped for (not the holder's key at"
                + " escrow, nor an earlier restoration's): a judicial recovery or a holder whose"
                + " signing key changed (task "
                + task.taskNo().toString(16)
                + ")");
  }

  private static boolean sameKey(byte[] der, SubjectPublicKeyInfo key) {
    return SubjectPublicKeyInfo.getInstance(der).getPublicKeyData().equals(key.getPublicKeyData());
  }

  /**
   * Marks the key revoked ({@link KmcStore.Records#revoke}): answered with a RevokeKeyRespond also
   * for an archived or destroyed key, since what the CA asks for, that the key is no longer in use,
   * holds; only a key the KMC never escrowed is an error.
   */
  Respond revoke(KmcStore.Records records, Task task, RevokeKeyReq request) throws SQLException {
    if (!records.revoke(task.caKeyHash(), request.getUserCertNo(), task.now(), task.taskNo())) {
      return noSuchKey(request.getUserCertNo());
    }
    LOG.info(() -> "revoked the escrowed key of certificate " + hex(request.getUserCertNo()));
    return Respond.revokeKey(new RevokeKeyRespond(request.getUserCertNo()));
  }

  private static Optional<String> unsupported(
      AlgorithmIdentifier asym, AlgorithmIdentifier sym, AlgorithmIdentifier hash) {
    if (!isSm2(asym)) {
      return Optional.of("retAsymAlg " + asym.getAlgorithm());
    }
    if (!GmAlgorithms.SM4_ECB.getAlgorithm().equals(sym.getAlgorithm())) {
      return Optional.of("retSymAlg " + sym.getAlgorithm());
    }
    if (!GmAlgorithms.SM3.getAlgorithm().equals(hash.getAlgorithm())) {
      return Optional.of("retHashAlg " + hash.getAlgorithm());
    }
    return Optional.empty();
  }

  private static boolean isSm2(AlgorithmIdentifier algorithm) {
    return GmAlgorithms.SM2.getAlgorithm().equals(algorithm.getAlgorithm())
        || GmAlgorithms.SM2_ENCRYPTION.getAlgorithm().equals(algorithm.getAlgorithm());
  }

  private static Respond noSuchKey(BigInteger userCertNo) {
    return error(NO_SUCH_KEY, "no key is escrowed for encryption certificate " + hex(userCertNo));
  }

  private static Respond error(int number, String description) {
    return Respond.errorPkg(new ErrorPkgRespond(number, description));
  }

  private static String hex(BigInteger serial) {
    return serial.toString(16);
  }

  private static byte[] der(org.bouncycastle.asn1.ASN1Object object) {
    try {
      return object.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message a request belongs to: who sent it, its task number, when it is handled. */
  record Task(byte[] caKeyHash, BigInteger taskNo, Instant now) {}
}
