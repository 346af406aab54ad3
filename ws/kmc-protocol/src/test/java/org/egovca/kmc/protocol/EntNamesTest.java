package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.encoders.Hex;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.EntName;
import org.egovca.kmc.protocol.asn1.GmAlgorithms;
import org.egovca.kmc.protocol.testing.Messages;
import org.egovca.kmc.protocol.testing.OpenSslCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntNamesTest {

  private static final X509CertificateHolder CA = Messages.CA_CERTIFICATE;
  private static final EntName NAME = EntNames.of(CA);

  /** The key hash is SM3 over 04||X||Y, computed here by OpenSSL from the certificate's key. */
  @Test
  void namesTheCertificate(@TempDir Path dir) throws Exception {
    SubjectPublicKeyInfo key = CA.getSubjectPublicKeyInfo();
    Files.write(dir.resolve("point.bin"), key.getPublicKeyData().getOctets());

    String sm3 = OpenSslCommand.run(dir, "dgst", "-sm3", "-r", "point.bin").split(" ")[0];

    assertEquals(GmAlgorithms.SM3, NAME.getHashAlgorithm());
    assertEquals(CA.getSubject(), NAME.getEntName());
    assertEquals(CA.getSerialNumber(), NAME.getSerialNumber());
    assertArrayEquals(Hex.decode(sm3.trim()), NAME.getEntPubKeyHash());
    assertDoesNotThrow(() -> EntNames.requireNames(NAME, CA));
  }

  @Test
  void anotherCertificateIsAnUnknownSender() {
    assertUnknown(NAME, Messages.KMC_CERTIFICATE, "the subject");
    assertUnknown(
        NAME,
        Messages.selfSigned(CA.getSubject().toString(), Messages.CA_KEYS, BigInteger.TWO),
        "the serial number");
    assertUnknown(
        NAME,
        Messages.selfSigned(CA.getSubject().toString(), Messages.KMC_KEYS, CA.getSerialNumber()),
        "the public key hash");
  }

  @Test
  void onlySm3KeyHashesAreUnderstood() {
    EntName sha256 =
        new EntName(
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("2.16.840.1.101.3.4.2.1")),
            new X500Name(CA.getSubject().toString()),
            NAME.getEntPubKeyHash(),
            NAME.getSerialNumber());

    KmcProtocolException e =
        assertThrows(KmcProtocolException.class, () -> EntNames.requireNames(sha256, CA));
    assertEquals(Refusal.UNSUPPORTED_ALGORITHM, e.getRefusal());
  }

  private static void assertUnknown(EntName name, X509CertificateHolder certificate, String field) {
    KmcProtocolException e =
        assertThrows(KmcProtocolException.class, () -> EntNames.requireNames(name, certificate));
    assertEquals(Refusal.UNKNOWN_SENDER, e.getRefusal());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }
}
