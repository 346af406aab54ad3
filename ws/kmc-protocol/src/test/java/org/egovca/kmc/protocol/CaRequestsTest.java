package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.util.Arrays;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.CARequest;
import org.egovca.kmc.protocol.asn1.GmAlgorithms;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.testing.Messages;
import org.egovca.kmc.protocol.testing.OpenSslCommand;
import org.egovca.kmc.protocol.testing.Pem;
import org.egovca.kmc.protocol.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaRequestsTest {

  private static final KSRequest REQUEST = Messages.ksRequest();
  private static final KeyPair CA = Messages.CA_KEYS;

  private static byte[] signedDer() throws IOException {
    return CaRequests.sign(REQUEST, TestKeys.signer("SM3withSM2", CA.getPrivate()))
        .getEncoded(ASN1Encoding.DER);
  }

  private static Refusal refusal(CARequest request, KeyPair key) {
    return assertThrows(
            KmcProtocolException.class, () -> CaRequests.verify(request, key.getPublic()))
        .getRefusal();
  }

  @Test
  void aSignedRequestVerifiesWithTheCaKeyAfterTheWire() throws Exception {
    CARequest received = CaRequests.parse(signedDer());

    assertDoesNotThrow(() -> CaRequests.verify(received, CA.getPublic()));
    assertDoesNotThrow(
        () -> CaRequests.verify(received, Messages.CA_CERTIFICATE.getSubjectPublicKeyInfo()));
    assertEquals(REQUEST, received.getKsRequest());
    assertEquals(GmAlgorithms.SM3_WITH_SM2, received.getSignatureAlgorithm());
  }

  @Test
  void anotherKeyIsRefused() throws Exception {
    CARequest received = CaRequests.parse(signedDer());

    assertEquals(Refusal.BAD_SIGNATURE, refusal(received, Messages.KMC_KEYS));
  }

  /**
   * A changed taskNo keeps the message well formed, so the signature is what refuses it; every
   * other single-octet change is refused too, whether by the parser or by the signature.
   */
  @Test
  void anyChangedOctetIsRefused() throws Exception {
    byte[] der = signedDer();
    byte[] taskNo = Messages.TASK_NO.toByteArray();
    int at = indexOf(der, taskNo) + taskNo.length - 1;
    byte[] tampered = der.clone();
    tampered[at] ^= 0x01;

    assertEquals(Refusal.BAD_SIGNATURE, refusal(CaRequests.parse(tampered), CA));
    for (int i = 0; i < der.length; i++) {
      byte[] changed = der.clone();
      changed[i] ^= 0x20;
      KmcProtocolException e =
          assertThrows(
              KmcProtocolException.class,
              () -> CaRequests.verify(CaRequests.parse(changed), CA.getPublic()),
              "octet " + i);
      assertTrue(
          e.getRefusal() == Refusal.MALFORMED
              || e.getRefusal() == Refusal.BAD_SIGNATURE
              || e.getRefusal() == Refusal.UNSUPPORTED_ALGORITHM,
          e.getRefusal() + " at octet " + i);
    }
  }

  @Test
  void garbageIsMalformed() {
    KmcProtocolException e =
        assertThrows(
            KmcProtocolException.class, () -> CaRequests.parse(new byte[] {0x30, 0x03, 1, 2}));

    assertEquals(Refusal.MALFORMED, e.getRefusal());
    assertTrue(e.getMessage().startsWith("CARequest"), e.getMessage());
  }

  @Test
  void onlySm3WithSm2IsAccepted() throws Exception {
    CARequest valid = CaRequests.parse(signedDer());
    CARequest ecdsa =
        new CARequest(
            REQUEST,
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.10045.4.3.2")),
            valid.getSignatureValue());
    CARequest withNull =
        new CARequest(
            REQUEST,
            new AlgorithmIdentifier(GmAlgorithms.SM3_WITH_SM2.getAlgorithm(), DERNull.INSTANCE),
            valid.getSignatureValue());

    assertEquals(Refusal.UNSUPPORTED_ALGORITHM, refusal(ecdsa, CA));
    assertDoesNotThrow(() -> CaRequests.verify(withNull, CA.getPublic()), "NULL parameters");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CaRequests.sign(
                REQUEST,
                TestKeys.signer("SHA256withECDSA", TestKeys.ecKeyPair("secp256r1").getPrivate())));
  }

  /** Z_A uses the GM/T 0009 default ID; a signature made with an empty ID does not verify. */
  @Test
  void theDefaultUserIdIsPinned() throws Exception {
    Signature emptyId = Signature.getInstance("SM3withSM2", TestKeys.BC);
    emptyId.setParameter(new SM2ParameterSpec(new byte[0]));
    emptyId.initSign(CA.getPrivate());
    emptyId.update(REQUEST.getEncoded(ASN1Encoding.DER));
    CARequest request = new CARequest(REQUEST, GmAlgorithms.SM3_WITH_SM2, emptyId.sign());

    assertEquals(Refusal.BAD_SIGNATURE, refusal(request, CA));
  }

  /** OpenSSL, told the default ID, verifies the CA's signature over the KSRequest octets. */
  @Test
  void openSslVerifiesTheSignature(@TempDir Path dir) throws Exception {
    CARequest received = CaRequests.parse(signedDer());
    Files.write(dir.resolve("tbs.der"), received.getSignedOctets());
    Files.write(dir.resolve("sig.der"), received.getSignatureValue());
    Pem.writePublicKey(dir.resolve("ca.pem"), CA.getPublic());

    String output =
        OpenSslCommand.run(dir, OpenSslCommand.sm2VerifyArgs("ca.pem", "tbs.der", "sig.der"));

    assertTrue(output.contains("Signature Verified Successfully"), output);
  }

  @Test
  void taskNumbersArePositiveAndShort() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 1000; i++) {
      BigInteger taskNo = CaRequests.newTaskNo(random);
      assertTrue(taskNo.signum() > 0);
      assertTrue(taskNo.toByteArray().length <= 8, taskNo.toString(16));
    }
  }

  @Test
  void theSignedOctetsAreTheKsRequestDer() throws Exception {
    CARequest received = CaRequests.parse(signedDer());

    assertArrayEquals(REQUEST.getEncoded(ASN1Encoding.DER), received.getSignedOctets());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.areEqual(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
