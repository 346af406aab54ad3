package org.egovca.kmc.protocol.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.egovca.kmc.protocol.EncryptionKeyPairs;
import org.egovca.kmc.protocol.EntNames;
import org.egovca.kmc.protocol.EnvelopedKeys;
import org.egovca.kmc.protocol.asn1.AppUserInfo;
import org.egovca.kmc.protocol.asn1.ApplyKeyReq;
import org.egovca.kmc.protocol.asn1.ErrorPkgRespond;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.asn1.KSRespond;
import org.egovca.kmc.protocol.asn1.Request;
import org.egovca.kmc.protocol.asn1.Respond;
import org.egovca.kmc.protocol.asn1.RestoreKeyReq;
import org.egovca.kmc.protocol.asn1.RetKeyRespond;
import org.egovca.kmc.protocol.asn1.RevokeKeyReq;
import org.egovca.kmc.protocol.asn1.RevokeKeyRespond;
import org.egovca.kmc.protocol.asn1.SM2EnvelopedKey;

/**
 * A CA, a KMC and a holder with SM2 keys made for the test run, and GM/T 0014 messages between
 * them: one request of each kind, and the KMC's answers.
 */
public final class Messages {

  /** The receiver's clock in the tests. */
  public static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

  public static final BigInteger TASK_NO = new BigInteger("7348925612093847561");

  /** Encryption certificate serial numbers: applied for, restored, revoked. */
  public static final BigInteger APPLIED = new BigInteger("4f2a9c01d3e5b7", 16);

  public static final BigInteger RESTORED = new BigInteger("1b", 16);
  public static final BigInteger REVOKED =
      new BigInteger("7fffffffffffffffffffffffffffffffffffffff", 16);

  public static final KeyPair CA_KEYS = TestKeys.sm2KeyPair();
  public static final KeyPair KMC_KEYS = TestKeys.sm2KeyPair();
  public static final KeyPair HOLDER_SIGNING_KEYS = TestKeys.sm2KeyPair();

  public static final X509CertificateHolder CA_CERTIFICATE =
      selfSigned("CN=Test Issuing CA,O=e-Gov CA,C=CN", CA_KEYS, BigInteger.valueOf(0x1001));
  public static final X509CertificateHolder KMC_CERTIFICATE =
      selfSigned("CN=Test KMC,O=e-Gov CA,C=CN", KMC_KEYS, BigInteger.valueOf(0x2002));

  private Messages() {}

  public static SubjectPublicKeyInfo holderSigningKey() {
    return TestKeys.spki(HOLDER_SIGNING_KEYS.getPublic());
  }

  public static AppUserInfo appUserInfo() {
    return new AppUserInfo(
        APPLIED,
        holderSigningKey(),
        NOW,
        NOW.plus(Duration.ofDays(365)),
        "张三".getBytes(StandardCharsets.UTF_8),
        "110000".getBytes(StandardCharsets.US_ASCII),
        null);
  }

  /** One request of each kind, from the test CA, sent now. */
  public static KSRequest ksRequest() {
    return new KSRequest(
        EntNames.of(CA_CERTIFICATE),
        List.of(
            Request.applyKey(ApplyKeyReq.sm2(appUserInfo())),
            Request.restoreKey(RestoreKeyReq.sm2(RESTORED, holderSigningKey())),
            Request.revokeKey(new RevokeKeyReq(REVOKED))),
        NOW,
        TASK_NO);
  }

  /** The KMC's answers to {@link #ksRequest()}: a new key, a restored key, a revocation. */
  public static KSRespond ksRespond(KeyPair applied, KeyPair restored) {
    return new KSRespond(
        EntNames.of(KMC_CERTIFICATE),
        List.of(
            Respond.retKey(delivery(APPLIED, applied)),
            Respond.retRestoreKey(delivery(RESTORED, restored)),
            Respond.revokeKey(new RevokeKeyRespond(REVOKED))),
        NOW.plusSeconds(1),
        TASK_NO);
  }

  /** The KMC's answers with fresh key pairs. */
  public static KSRespond ksRespond() {
    return ksRespond(
        EncryptionKeyPairs.generate(new SecureRandom()),
        EncryptionKeyPairs.generate(new SecureRandom()));
  }

  /** The KMC's answer to {@link #ksRequest()} when it cannot carry out any of it. */
  public static KSRespond errors() {
    Respond error = Respond.errorPkg(new ErrorPkgRespond(17, "密钥库不可用 / key store unavailable"));
    return new KSRespond(
        EntNames.of(KMC_CERTIFICATE), List.of(error, error, error), NOW.plusSeconds(1), TASK_NO);
  }

  /** The holder's encryption key pair enveloped to the holder's signing key. */
  public static RetKeyRespond delivery(BigInteger userCertNo, KeyPair encryption) {
    SM2EnvelopedKey envelope =
        EnvelopedKeys.envelope(
            encryption.getPrivate(),
            encryption.getPublic(),
            holderSigningKey(),
            new SecureRandom());
    return new RetKeyRespond(userCertNo, TestKeys.spki(encryption.getPublic()), envelope);
  }

  /** A self-signed SM3withSM2 certificate for {@code keys}. */
  public static X509CertificateHolder selfSigned(String subject, KeyPair keys, BigInteger serial) {
    X500Name name = new X500Name(subject);
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            name,
            serial,
            Date.from(NOW.minus(Duration.ofDays(1))),
            Date.from(NOW.plus(Duration.ofDays(3650))),
            name,
            TestKeys.spki(keys.getPublic()));
    return builder.build(TestKeys.signer("SM3withSM2", keys.getPrivate()));
  }
}
