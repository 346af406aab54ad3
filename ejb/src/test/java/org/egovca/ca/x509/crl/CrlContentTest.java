package org.egovca.ca.x509.crl;

import static org.egovca.ca.x509.crl.CrlFixtures.ISSUER;
import static org.egovca.ca.x509.crl.CrlFixtures.KEY_ID;
import static org.egovca.ca.x509.crl.CrlFixtures.NEXT_UPDATE;
import static org.egovca.ca.x509.crl.CrlFixtures.THIS_UPDATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.egovca.hsm.SignatureAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrlContentTest {

  private static final AlgorithmIdentifier SM2 =
      SignatureAlgorithm.SM3_WITH_SM2.algorithmIdentifier();

  @Test
  void deltaCrlWithFreshestCrlIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CrlContent(
                    ISSUER,
                    KEY_ID,
                    BigInteger.valueOf(43),
                    THIS_UPDATE,
                    NEXT_UPDATE,
                    SM2,
                    BigInteger.valueOf(42),
                    "http://pki.example.gov.cn/delta.crl",
                    null));
    assertTrue(e.getMessage().contains("delta CRL"), e.getMessage());
    assertTrue(e.getMessage().contains("freshestCRL"), e.getMessage());
  }

  @Test
  void nextUpdateBeforeThisUpdateIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> full(NEXT_UPDATE, THIS_UPDATE));
    assertTrue(e.getMessage().contains("nextUpdate"), e.getMessage());
  }

  @Test
  void nextUpdateEqualToThisUpdateAfterCuttingToSecondsIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> full(THIS_UPDATE, THIS_UPDATE.plusMillis(500)));
  }

  @Test
  void missingNextUpdateIsRefused() {
    assertThrows(NullPointerException.class, () -> full(THIS_UPDATE, null));
  }

  @Test
  void timesAreCutToSeconds() {
    CrlContent content = full(THIS_UPDATE.plusMillis(999), NEXT_UPDATE.plusNanos(1));
    assertEquals(THIS_UPDATE, content.thisUpdate());
    assertEquals(NEXT_UPDATE, content.nextUpdate());
  }

  @Test
  void baseCrlNumberMustBeBelowTheCrlNumber() {
    assertThrows(IllegalArgumentException.class, () -> delta(BigInteger.TEN, BigInteger.TEN));
    assertThrows(
        IllegalArgumentException.class, () -> delta(BigInteger.TEN, BigInteger.TWO.pow(8)));
    assertTrue(delta(BigInteger.TEN, BigInteger.TWO).isDelta());
  }

  @Test
  void crlNumbersMustBeNonNegativeAndAtMost20Octets() {
    assertThrows(IllegalArgumentException.class, () -> number(BigInteger.valueOf(-1)));
    assertThrows(IllegalArgumentException.class, () -> number(BigInteger.ONE.shiftLeft(159)));
    assertEquals(BigInteger.ZERO, number(BigInteger.ZERO).crlNumber());
    BigInteger max = BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE);
    assertEquals(max, number(max).crlNumber());
  }

  @Test
  void emptyIssuerOrKeyIdentifierIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CrlContent.full(
                new X500Name(new RDN[0]),
                KEY_ID,
                BigInteger.ONE,
                THIS_UPDATE,
                NEXT_UPDATE,
                SM2,
                null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CrlContent.full(
                ISSUER, new byte[0], BigInteger.ONE, THIS_UPDATE, NEXT_UPDATE, SM2, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"delta.crl", "http://pki.example.gov.cn/增量.crl", "http://a b/c", ""})
  void freshestCrlUrlMustBeAnAbsoluteAsciiUri(String url) {
    assertThrows(
        IllegalArgumentException.class,
        () -> CrlContent.full(ISSUER, KEY_ID, BigInteger.ONE, THIS_UPDATE, NEXT_UPDATE, SM2, url));
  }

  @Test
  void keyIdentifierIsCopiedInAndOut() {
    byte[] keyId = KEY_ID.clone();
    CrlContent content =
        CrlContent.full(ISSUER, keyId, BigInteger.ONE, THIS_UPDATE, NEXT_UPDATE, SM2, null);
    keyId[0] ^= 1;
    assertArrayEquals(KEY_ID, content.authorityKeyIdentifier());
    assertNotSame(content.authorityKeyIdentifier(), content.authorityKeyIdentifier());
    assertEquals(
        content,
        CrlContent.full(
            ISSUER, KEY_ID.clone(), BigInteger.ONE, THIS_UPDATE, NEXT_UPDATE, SM2, null));
    assertFalse(content.isDelta());
  }

  private static CrlContent full(Instant thisUpdate, Instant nextUpdate) {
    return CrlContent.full(ISSUER, KEY_ID, BigInteger.ONE, thisUpdate, nextUpdate, SM2, null);
  }

  private static CrlContent number(BigInteger crlNumber) {
    return CrlContent.full(ISSUER, KEY_ID, crlNumber, THIS_UPDATE, NEXT_UPDATE, SM2, null);
  }

  private static CrlContent delta(BigInteger crlNumber, BigInteger base) {
    return CrlContent.delta(ISSUER, KEY_ID, crlNumber, base, THIS_UPDATE, NEXT_UPDATE, SM2);
  }
}
