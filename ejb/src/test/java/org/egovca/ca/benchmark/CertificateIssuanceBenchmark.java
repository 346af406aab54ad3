package org.egovca.ca.benchmark;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.DirectoryUrls;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.PkiUrls;
import org.egovca.ca.x509.SerialNumberGenerator;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Certificates per second in the CA core, against the reference: BouncyCastle alone building,
 * SM2-signing and encoding a certificate on one thread. Run through {@link BenchmarkMain}, which
 * prints every figure also as a ratio to that reference.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 3)
public class CertificateIssuanceBenchmark {

  /** Token, CA certificates and holder data, set up once per fork. */
  @State(Scope.Benchmark)
  public static class Ca {
    Path directory;
    SoftwareCryptoToken token;
    IssuingCa sm2Ca;
    IssuingCa rsaCa;
    CertificateProfile personalSign;
    X500Name subject;
    SubjectPublicKeyInfo holderKey;
    Instant notBefore;
    Instant notAfter;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      directory = Files.createTempDirectory("egovca-bench-token");
      token =
          SoftwareCryptoToken.initialize("bench", directory.resolve("token"), "pin".toCharArray());
      token.generateKeyPair("sm2-ca", KeyAlgorithm.SM2_256);
      token.generateKeyPair("rsa-ca", KeyAlgorithm.RSA_2048);
      CertificateAssembler assembler = newAssembler();
      CertificateProfile caProfile = TestProfiles.named(CertificateProfiles.CA);
      personalSign = TestProfiles.named(CertificateProfiles.PERSONAL_SIGN);
      notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      sm2Ca = rootCa(assembler, caProfile, "CN=Bench SM2 CA,O=e-Gov,C=CN", "sm2-ca");
      rsaCa = rootCa(assembler, caProfile, "CN=Bench RSA CA,O=e-Gov,C=CN", "rsa-ca");
      notAfter = notBefore.plus(personalSign.validity());
      subject = SubjectNames.parse("CN=张三,O=Example,C=CN", personalSign);
      holderKey = TestKeys.spki(TestKeys.sm2KeyPair().getPublic());
    }

    private IssuingCa rootCa(
        CertificateAssembler assembler, CertificateProfile caProfile, String dn, String alias) {
      KeyAlgorithm algorithm = token.keyAlgorithm(alias);
      return new IssuingCa(
          alias,
          assembler.rootCa(
              SubjectNames.parse(dn, caProfile),
              alias,
              algorithm,
              TestKeys.spki(token.publicKey(alias)),
              notBefore,
              notBefore.plus(Duration.ofDays(3650))),
          alias,
          algorithm);
    }

    CertificateAssembler newAssembler() {
      return new CertificateAssembler(
          token,
          PkiUrls.of("http://ca.example/pki"),
          "2.25.1234",
          new DirectoryUrls("ldap://ldap.example", "o=iFutureCA,c=CN"));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      token.deactivate();
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /**
   * What each thread owns: an assembler (production creates one per call, and it is not meant to be
   * shared) and the reusable reference signer.
   */
  @State(Scope.Thread)
  public static class PerThread {
    CertificateAssembler assembler;
    LightweightSm2Signer bareSigner;
    X500Name bareIssuer;
    long serial = 1L << 62;

    @Setup(Level.Trial)
    public void setUp(Ca ca) {
      assembler = ca.newAssembler();
      bareSigner = new LightweightSm2Signer();
      bareIssuer = new X500Name("CN=Bench bare SM2 CA,C=CN");
    }
  }

  /**
   * The reference: X509v3CertificateBuilder, one key usage extension, a reused lightweight SM2
   * signer, DER encoding. No token, no profile, no self-verification.
   */
  @Benchmark
  @Threads(1)
  public byte[] bareBouncyCastleSm2CertificateSigning(Ca ca, PerThread thread)
      throws CertIOException, IOException {
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            thread.bareIssuer,
            BigInteger.valueOf(thread.serial++),
            Date.from(ca.notBefore),
            Date.from(ca.notAfter),
            ca.subject,
            ca.holderKey);
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return builder.build(thread.bareSigner).getEncoded();
  }

  /** Our path: personal-sign profile, GM/T 0015 extensions, token signature, self-verification. */
  @Benchmark
  @Threads(1)
  public byte[] sm2CertificateThroughTokenAndAssembler(Ca ca, PerThread thread) {
    return endEntity(ca, thread, ca.sm2Ca);
  }

  /** As {@link #sm2CertificateThroughTokenAndAssembler} on two threads sharing the token. */
  @Benchmark
  @Threads(2)
  public byte[] sm2CertificateThroughTokenAndAssemblerTwoThreads(Ca ca, PerThread thread) {
    return endEntity(ca, thread, ca.sm2Ca);
  }

  /** As {@link #sm2CertificateThroughTokenAndAssembler} with an RSA-2048 CA key. */
  @Benchmark
  @Threads(1)
  public byte[] rsaCertificateThroughTokenAndAssembler(Ca ca, PerThread thread) {
    return endEntity(ca, thread, ca.rsaCa);
  }

  private static byte[] endEntity(Ca ca, PerThread thread, IssuingCa issuer) {
    return CertificateAssembler.encode(
        thread.assembler.endEntity(
            issuer,
            ca.personalSign,
            EndEntityContent.of(ca.subject, ca.holderKey),
            SerialNumberGenerator.next(),
            ca.notBefore,
            ca.notAfter));
  }
}
