package org.egovca.ca.x509.crl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;

/**
 * Shared test data: a CA name and key identifier, a mixed set of entries, the same CRL built with
 * BouncyCastle's {@link X509v2CRLBuilder} for comparison, a software crypto token, and the OpenSSL
 * command line as an independent oracle.
 */
final class CrlFixtures {

  static final Provider BC = BouncyCastle.provider();

  /** A CA name with a UTF8String (Chinese) attribute, as GM/T 0015 CA names have. */
  static final X500Name ISSUER =
      new X500NameBuilder(BCStyle.INSTANCE)
          .addRDN(BCStyle.C, "CN")
          .addRDN(BCStyle.O, "电子政务测试中心")
          .addRDN(BCStyle.CN, "Test SM2 CA")
          .build();

  static final byte[] KEY_ID = HexFormat.of().parseHex("00112233445566778899aabbccddeeff01020304");

  static final Instant THIS_UPDATE = Instant.parse("2026-11-24T08:00:00Z");
  static final Instant NEXT_UPDATE = THIS_UPDATE.plus(Duration.ofDays(1));

  static final String SM2_KEY = "ca";
  static final String RSA_KEY = "rsa";

  /** GM/T 0009 default SM2 user ID, which OpenSSL 3 must be told. */
  static final String DIST_ID = "distid:1234567812345678";

  private CrlFixtures() {}

  static CrlContent full(AlgorithmIdentifier algorithm) {
    return CrlContent.full(
        ISSUER, KEY_ID, BigInteger.valueOf(42), THIS_UPDATE, NEXT_UPDATE, algorithm, null);
  }

  /**
   * Eleven entries in ascending serial order covering the encodings: one-octet serials with and
   * without a sign octet, a 20-octet serial, every reason code except removeFromCRL, unspecified
   * (0) written explicitly, no reason, and invalidityDate with and without a reason.
   */
  static List<RevokedEntry> mixedEntries() {
    Instant t = THIS_UPDATE.minus(Duration.ofDays(30));
    List<RevokedEntry> entries = new ArrayList<>();
    entries.add(
        new RevokedEntry(BigInteger.ONE, t, CRLReason.keyCompromise, t.minus(Duration.ofDays(2))));
    entries.add(RevokedEntry.of(BigInteger.valueOf(0x7f), t.plusSeconds(61)));
    entries.add(
        RevokedEntry.of(BigInteger.valueOf(0x80), t.plusSeconds(3600), CRLReason.cACompromise));
    entries.add(
        RevokedEntry.of(
            BigInteger.valueOf(0x1234), t.plus(Duration.ofDays(1)), CRLReason.affiliationChanged));
    entries.add(
        RevokedEntry.of(
            BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(5)),
            t.plus(Duration.ofDays(2)),
            CRLReason.superseded));
    entries.add(
        RevokedEntry.of(
            new BigInteger("5a3c9e0f11223344556677889900aabb", 16),
            t.plus(Duration.ofDays(3)),
            CRLReason.cessationOfOperation));
    entries.add(
        RevokedEntry.of(
            new BigInteger("6a3c9e0f11223344556677889900aabb", 16),
            t.plus(Duration.ofDays(4)),
            CRLReason.certificateHold));
    entries.add(
        RevokedEntry.of(
            new BigInteger("7a3c9e0f11223344556677889900aabb", 16),
            t.plus(Duration.ofDays(5)),
            CRLReason.privilegeWithdrawn));
    entries.add(
        new RevokedEntry(
            new BigInteger("7b3c9e0f11223344556677889900aabb", 16),
            t.plus(Duration.ofDays(6)),
            null,
            t.plus(Duration.ofDays(1))));
    entries.add(
        RevokedEntry.of(
            new BigInteger("7c3c9e0f11223344556677889900aabb", 16),
            t.plus(Duration.ofDays(7)),
            CRLReason.unspecified));
    entries.add(
        RevokedEntry.of(
            BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE), // 20 octets, the maximum
            t.plus(Duration.ofDays(8)),
            CRLReason.aACompromise));
    return entries;
  }

  /**
   * The same CRL built by BouncyCastle: entries through its own {@code addCRLEntry} variants where
   * they fit (BouncyCastle omits reason 0 there, so that case goes through explicit Extensions),
   * and the CRL extensions in {@link CrlWriter}'s documented order.
   */
  static X509CRLHolder bouncyCastle(
      CrlContent content, List<RevokedEntry> entries, ContentSigner signer) throws IOException {
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(content.issuer(), Date.from(content.thisUpdate()));
    builder.setNextUpdate(Date.from(content.nextUpdate()));
    for (RevokedEntry entry : entries) {
      Date revoked = Date.from(entry.revocationDate());
      Integer reason = entry.reasonCode();
      Instant invalidity = entry.invalidityDate();
      if (reason != null && reason != CRLReason.unspecified) {
        if (invalidity == null) {
          builder.addCRLEntry(entry.serialNumber(), revoked, reason);
        } else {
          builder.addCRLEntry(entry.serialNumber(), revoked, reason, Date.from(invalidity));
        }
      } else if (reason == null && invalidity != null) {
        builder.addCRLEntry(entry.serialNumber(), revoked, 0, Date.from(invalidity));
      } else if (reason == null) {
        builder.addCRLEntry(entry.serialNumber(), revoked, (Extensions) null);
      } else {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(reason));
        if (invalidity != null) {
          extensions.addExtension(
              Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(invalidity)));
        }
        builder.addCRLEntry(entry.serialNumber(), revoked, extensions.generate());
      }
    }
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        new AuthorityKeyIdentifier(content.authorityKeyIdentifier()));
    builder.addExtension(Extension.cRLNumber, false, new CRLNumber(content.crlNumber()));
    if (content.isDelta()) {
      builder.addExtension(
          Extension.deltaCRLIndicator, true, new CRLNumber(content.baseCrlNumber()));
    }
    if (content.freshestCrlUrl() != null) {
      GeneralNames uri =
          new GeneralNames(
              new GeneralName(GeneralName.uniformResourceIdentifier, content.freshestCrlUrl()));
      builder.addExtension(
          Extension.freshestCRL,
          false,
          new CRLDistPoint(
              new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(uri), null, null)
              }));
    }
    return builder.build(signer);
  }

  /** A new software token in {@code directory} with an SM2 key and an RSA-2048 key. */
  static SoftwareCryptoToken token(Path directory) {
    SoftwareCryptoToken token = SoftwareCryptoToken.initialize("t", directory, "pin".toCharArray());
    token.generateKeyPair(SM2_KEY, KeyAlgorithm.SM2_256);
    token.generateKeyPair(RSA_KEY, KeyAlgorithm.RSA_2048);
    return token;
  }

  static String pem(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Exit code and combined output of one OpenSSL run. */
  record OpenSslResult(int exitCode, String output) {}

  /** Runs {@code openssl args...} in {@code directory}. */
  static OpenSslResult openssl(Path directory, String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      try (InputStream in = process.getInputStream()) {
        in.transferTo(output);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("openssl did not finish: " + command);
      }
      return new OpenSslResult(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs OpenSSL and fails the test unless it exits with 0; returns its output. */
  static String opensslOk(Path directory, String... args) {
    OpenSslResult result = openssl(directory, args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "openssl "
              + String.join(" ", args)
              + " failed ("
              + result.exitCode()
              + "):\n"
              + result.output());
    }
    return result.output();
  }
}
