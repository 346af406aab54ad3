package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import org.egovca.ca.application.port.PublishedCrl;
import org.junit.jupiter.api.Test;

class CrlVersionTest {

  private final TestCa ca = new TestCa("iFutureCA-SM2", "CN=iFutureCA-SM2,O=iFutureCA,C=CN");

  @Test
  void readsTheCrlNumberOfEveryKind() {
    for (PublishedCrl.Kind kind : PublishedCrl.Kind.values()) {
      PublishedCrl crl = ca.crl(kind, 42);
      assertEquals(BigInteger.valueOf(42), CrlVersion.of(crl.encoded()).number(), kind.name());
    }
  }

  @Test
  void ordersByNumberThenThisUpdate() {
    CrlVersion tenth = CrlVersion.of(ca.crl(PublishedCrl.Kind.CRL, 10).encoded());
    CrlVersion eleventh = CrlVersion.of(ca.crl(PublishedCrl.Kind.CRL, 11).encoded());
    assertTrue(eleventh.compareTo(tenth) > 0);
    CrlVersion later = new CrlVersion(BigInteger.TEN, tenth.thisUpdate().plusSeconds(60));
    assertTrue(later.compareTo(tenth) > 0);
    assertEquals(0, tenth.compareTo(new CrlVersion(BigInteger.TEN, tenth.thisUpdate())));
  }

  @Test
  void aCrlWithoutNumberIsOlderThanAnyNumberedOne() {
    CrlVersion unnumbered = new CrlVersion(BigInteger.ONE.negate(), Instant.now());
    assertTrue(unnumbered.compareTo(CrlVersion.of(ca.crl(PublishedCrl.Kind.CRL, 0).encoded())) < 0);
  }

  @Test
  void refusesWhatIsNotACrl() {
    assertThrows(IllegalArgumentException.class, () -> CrlVersion.of(new byte[] {1, 2, 3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> CrlVersion.of(ca.issue("CN=Not A CRL,C=CN").encoded()));
  }
}
