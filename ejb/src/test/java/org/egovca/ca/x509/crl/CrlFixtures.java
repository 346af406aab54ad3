package org.egovca.ca.x509.crl;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
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
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;

/**
 * Shared test data: a CA name and key identifier, a mixed set of entries, the same CRL built with
 * BouncyCastle's {@link X509v2CRLBuilder} for comparison, and a software crypto token.
 */
final class CrlFixtures {

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
}
