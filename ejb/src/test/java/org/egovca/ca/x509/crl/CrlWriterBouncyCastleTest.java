package org.egovca.ca.x509.crl;

import static org.egovca.ca.x509.crl.CrlFixtures.ISSUER;
import static org.egovca.ca.x509.crl.CrlFixtures.KEY_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.ca.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming writer produces exactly what BouncyCastle's {@code X509v2CRLBuilder} produces for
 * the same input. RSA PKCS#1 v1.5 signatures are deterministic, so with RSA the whole CRL is
 * compared, not only the TBSCertList.
 */
class CrlWriterBouncyCastleTest {

  private static KeyPair rsa;
  private static KeyPair sm2;

  @BeforeAll
  static void keys() {
    rsa = TestKeys.rsaKeyPair(2048);
    sm2 = TestKeys.sm2KeyPair();
  }

  @Test
  void mixedEntriesGiveTheSameCrlAsBouncyCastle() throws Exception {
    assertSameAsBouncyCastle(CrlFixtures.full(rsaSigner().getAlgorithmIdentifier()), mixed());
  }

  @Test
  void mixedEntriesGiveTheSameTbsAsBouncyCastleWithSm2() throws Exception {
    CrlContent content = CrlFixtures.full(sm2Signer().getAlgorithmIdentifier());
    byte[] ours = CrlWriter.toBytes(content, mixed()::iterator, sm2Signer());
    X509CRLHolder theirs = CrlFixtures.bouncyCastle(content, mixed(), sm2Signer());
    assertArrayEquals(tbs(theirs.getEncoded()), tbs(ours));
  }

  @Test
  void emptyCrlHasNoRevokedCertificatesField() throws Exception {
    CrlContent content = CrlFixtures.full(rsaSigner().getAlgorithmIdentifier());
    byte[] ours = assertSameAsBouncyCastle(content, List.of());

    ASN1Sequence tbs = ASN1Sequence.getInstance(tbs(ours));
    // version, signature, issuer, thisUpdate, nextUpdate, crlExtensions: no revokedCertificates
    assertEquals(6, tbs.size());
    assertEquals(0, TBSCertList.getInstance(tbs).getRevokedCertificates().length);
  }

  @Test
  void deltaCrlMatchesBouncyCastle() throws Exception {
    CrlContent delta =
        CrlContent.delta(
            ISSUER,
            KEY_ID,
            BigInteger.valueOf(43),
            BigInteger.valueOf(42),
            CrlFixtures.THIS_UPDATE,
            CrlFixtures.NEXT_UPDATE,
            rsaSigner().getAlgorithmIdentifier());
    List<RevokedEntry> entries =
        List.of(
            RevokedEntry.of(BigInteger.TEN, CrlFixtures.THIS_UPDATE, CRLReason.keyCompromise),
            RevokedEntry.of(
                BigInteger.valueOf(11), CrlFixtures.THIS_UPDATE, RevokedEntry.REMOVE_FROM_CRL));
    assertSameAsBouncyCastle(delta, entries);
  }

  @Test
  void freshestCrlMatchesBouncyCastle() throws Exception {
    CrlContent content =
        CrlContent.full(
            ISSUER,
            KEY_ID,
            BigInteger.valueOf(42),
            CrlFixtures.THIS_UPDATE,
            CrlFixtures.NEXT_UPDATE,
            rsaSigner().getAlgorithmIdentifier(),
            "http://pki.example.gov.cn/crl/Test%20SM2%20CA-delta.crl");
    assertSameAsBouncyCastle(content, mixed());
  }

  @Test
  void timesSwitchToGeneralizedTimeOutsideTheUtcTimeYearsAndDropFractions() throws Exception {
    Instant lastUtcTime = Instant.parse("2049-12-31T23:59:59.999Z");
    CrlContent content =
        CrlContent.full(
            ISSUER,
            KEY_ID,
            BigInteger.ZERO,
            lastUtcTime,
            Instant.parse("2050-01-01T00:00:00Z"),
            rsaSigner().getAlgorithmIdentifier(),
            null);
    List<RevokedEntry> entries =
        List.of(
            RevokedEntry.of(BigInteger.ONE, Instant.parse("1949-12-31T23:59:59Z")),
            RevokedEntry.of(BigInteger.TWO, Instant.parse("1950-01-01T00:00:00.5Z")),
            new RevokedEntry(
                BigInteger.valueOf(3),
                Instant.parse("2050-06-01T12:00:00Z"),
                CRLReason.keyCompromise,
                Instant.parse("2049-01-01T00:00:00.25Z")));
    byte[] ours = assertSameAsBouncyCastle(content, entries);

    TBSCertList tbs = CertificateList.getInstance(ours).getTBSCertList();
    assertInstanceOf(ASN1UTCTime.class, tbs.getThisUpdate().toASN1Primitive());
    assertEquals(Instant.parse("2049-12-31T23:59:59Z"), tbs.getThisUpdate().getDate().toInstant());
    assertInstanceOf(ASN1GeneralizedTime.class, tbs.getNextUpdate().toASN1Primitive());
    TBSCertList.CRLEntry[] revoked = tbs.getRevokedCertificates();
    assertInstanceOf(ASN1GeneralizedTime.class, revoked[0].getRevocationDate().toASN1Primitive());
    assertInstanceOf(ASN1UTCTime.class, revoked[1].getRevocationDate().toASN1Primitive());
    assertInstanceOf(ASN1GeneralizedTime.class, revoked[2].getRevocationDate().toASN1Primitive());
  }

  @Test
  void issuerIsWrittenAsTheNameEncodes() throws Exception {
    byte[] ours =
        CrlWriter.toBytes(
            CrlFixtures.full(rsaSigner().getAlgorithmIdentifier()), mixed()::iterator, rsaSigner());
    assertArrayEquals(
        ISSUER.getEncoded(ASN1Encoding.DER),
        CertificateList.getInstance(ours).getIssuer().getEncoded(ASN1Encoding.DER));
  }

  @Test
  void streamingWriteGivesTheSameBytesAsToBytes(@TempDir Path temp) throws Exception {
    CrlContent content = CrlFixtures.full(rsaSigner().getAlgorithmIdentifier());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrlWriter.write(content, mixed()::iterator, rsaSigner(), out, temp);
    assertArrayEquals(
        CrlWriter.toBytes(content, mixed()::iterator, rsaSigner()), out.toByteArray());
  }

  /** Checks whole-CRL equality (RSA) and returns our encoding. */
  private static byte[] assertSameAsBouncyCastle(CrlContent content, List<RevokedEntry> entries)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrlWriter.write(content, entries::iterator, rsaSigner(), out);
    byte[] ours = out.toByteArray();
    byte[] theirs = CrlFixtures.bouncyCastle(content, entries, rsaSigner()).getEncoded();
    assertArrayEquals(tbs(theirs), tbs(ours), "TBSCertList");
    assertArrayEquals(theirs, ours, "CertificateList");
    return ours;
  }

  private static byte[] tbs(byte[] crl) throws Exception {
    return CertificateList.getInstance(crl).getTBSCertList().getEncoded(ASN1Encoding.DER);
  }

  private static List<RevokedEntry> mixed() {
    return CrlFixtures.mixedEntries();
  }

  private static ContentSigner rsaSigner() {
    return TestKeys.signer("SHA256withRSA", rsa.getPrivate());
  }

  private static ContentSigner sm2Signer() {
    return TestKeys.signer("SM3withSM2", sm2.getPrivate());
  }
}
