package org.egovca.ca.x509.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;

/**
 * A small real PKI for the OCSP tests, made once per test JVM because token initialisation (PBKDF2)
 * and RSA key generation take seconds: an SM2 and an RSA CA in one software token, each with
 * end-entity certificates whose serials are good, revoked and never issued, a delegated responder
 * certificate (id-kp-OCSPSigning, id-pkix-ocsp-nocheck) and defective variants of it.
 */
final class OcspTestPki {

  static final BigInteger GOOD = BigInteger.valueOf(0x1001);
  static final BigInteger REVOKED = BigInteger.valueOf(0x1002);
  static final BigInteger NEVER_ISSUED = BigInteger.valueOf(0x1003);
  static final Instant REVOCATION_TIME = Instant.parse("2026-03-04T05:06:07Z");
  static final int KEY_COMPROMISE = 1;

  static final AlgorithmIdentifier SHA1 = CertificateID.HASH_SHA1;
  static final AlgorithmIdentifier SM3 =
      new AlgorithmIdentifier(org.bouncycastle.asn1.gm.GMObjectIdentifiers.sm3);

  private static OcspTestPki instance;

  final SoftwareCryptoToken token;
  final TestCa sm2;
  final TestCa rsa;
  final Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private OcspTestPki(Path directory) {
    token = SoftwareCryptoToken.initialize("ocsp-test", directory, "pin".toCharArray());
    sm2 = new TestCa("sm2-ca", KeyAlgorithm.SM2_256, "CN=OCSP Test SM2 CA,O=eGov,C=CN");
    rsa = new TestCa("rsa-ca", KeyAlgorithm.RSA_2048, "CN=OCSP Test RSA CA,O=eGov,C=CN");
  }

  static synchronized OcspTestPki get() {
    if (instance == null) {
      try {
        Path directory = Files.createTempDirectory("ocsp-test-token");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory)));
        instance = new OcspTestPki(directory.resolve("token"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }

  /** One CA of the fixture. */
  final class TestCa {
    final String name;
    final String caAlias;
    final String responderAlias;
    final SignatureAlgorithm signatureAlgorithm;
    final X509CertificateHolder certificate;
    final X509CertificateHolder responder;
    final X509CertificateHolder responderWithoutEku;
    final X509CertificateHolder responderWithoutNocheck;
    final X509CertificateHolder good;
    final X509CertificateHolder revoked;
    final X509CertificateHolder neverIssued;

    private final BcX509ExtensionUtils extensionUtils = new BcX509ExtensionUtils();

    TestCa(String name, KeyAlgorithm keyAlgorithm, String subject) {
      this.name = name;
      this.caAlias = name;
      this.responderAlias = name + "-ocsp";
      this.signatureAlgorithm = SignatureAlgorithm.forKey(keyAlgorithm);
      token.generateKeyPair(caAlias, keyAlgorithm);
      token.generateKeyPair(responderAlias, keyAlgorithm);
      token.generateKeyPair(name + "-ee", keyAlgorithm);
      X500Name caName = new X500Name(subject);
      SubjectPublicKeyInfo caKey = spki(caAlias);
      certificate =
          build(
              caName,
              BigInteger.ONE,
              caName,
              caKey,
              new Extension(Extension.basicConstraints, true, encoded(new BasicConstraints(true))),
              new Extension(
                  Extension.keyUsage,
                  true,
                  encoded(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))),
              new Extension(
                  Extension.subjectKeyIdentifier,
                  false,
                  encoded(extensionUtils.createSubjectKeyIdentifier(caKey))));
      Extension aki =
          new Extension(
              Extension.authorityKeyIdentifier,
              false,
              encoded(extensionUtils.createAuthorityKeyIdentifier(caKey)));
      Extension signingUsage =
          new Extension(Extension.keyUsage, true, encoded(new KeyUsage(KeyUsage.digitalSignature)));
      Extension ocspSigning =
          new Extension(
              Extension.extendedKeyUsage,
              false,
              encoded(new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)));
      Extension nocheck =
          new Extension(
              OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, encoded(DERNull.INSTANCE));
      SubjectPublicKeyInfo responderKey = spki(responderAlias);
      X500Name responderName = new X500Name("CN=OCSP Responder " + name + ",O=eGov,C=CN");
      responder =
          build(
              caName,
              BigInteger.TWO,
              responderName,
              responderKey,
              aki,
              signingUsage,
              ocspSigning,
              nocheck);
      responderWithoutEku =
          build(
              caName,
              BigInteger.valueOf(3),
              responderName,
              responderKey,
              aki,
              signingUsage,
              nocheck);
      responderWithoutNocheck =
          build(
              caName,
              BigInteger.valueOf(4),
              responderName,
              responderKey,
              aki,
              signingUsage,
              ocspSigning);
      SubjectPublicKeyInfo eeKey = spki(name + "-ee");
      good = build(caName, GOOD, new X500Name("CN=good " + name), eeKey, aki, signingUsage);
      revoked =
          build(caName, REVOKED, new X500Name("CN=revoked " + name), eeKey, aki, signingUsage);
      neverIssued =
          build(caName, NEVER_ISSUED, new X500Name("CN=unknown " + name), eeKey, aki, signingUsage);
    }

    /** A signer for the CA key that counts how often one is made. */
    Supplier<ContentSigner> caSigner(AtomicInteger created) {
      return () -> {
        created.incrementAndGet();
        return token.contentSigner(caAlias, signatureAlgorithm);
      };
    }

    Supplier<ContentSigner> responderSigner(AtomicInteger created) {
      return () -> {
        created.incrementAndGet();
        return token.contentSigner(responderAlias, signatureAlgorithm);
      };
    }

    ResponderIssuer caSigned(boolean includeCaCertificate, AtomicInteger created) {
      return ResponderIssuer.caSigned(name, certificate, caSigner(created), includeCaCertificate);
    }

    ResponderIssuer delegated(AtomicInteger created) {
      return ResponderIssuer.delegated(name, certificate, responder, responderSigner(created));
    }

    /** A CertID made by BouncyCastle's own code, independent of the responder's hashing. */
    CertificateID certId(AlgorithmIdentifier hashAlgorithm, BigInteger serial) {
      try {
        return new CertificateID(
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(TestKeys.BC)
                .build()
                .get(hashAlgorithm),
            certificate,
            serial);
      } catch (OperatorCreationException | OCSPException e) {
        throw new IllegalStateException(e);
      }
    }

    private X509CertificateHolder build(
        X500Name issuer,
        BigInteger serial,
        X500Name subject,
        SubjectPublicKeyInfo key,
        Extension... extensions) {
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              issuer,
              serial,
              Date.from(created.minus(Duration.ofDays(1))),
              Date.from(created.plus(Duration.ofDays(730))),
              subject,
              key);
      try {
        for (Extension extension : extensions) {
          builder.addExtension(extension);
        }
      } catch (CertIOException e) {
        throw new IllegalStateException(e);
      }
      return builder.build(token.contentSigner(caAlias, signatureAlgorithm));
    }
  }

  private SubjectPublicKeyInfo spki(String alias) {
    return TestKeys.spki(token.publicKey(alias));
  }

  private static byte[] encoded(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
