package org.egovca.hsm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignatureAlgorithmTest {

  @Test
  void sm3WithSm2IdentifierHasTheGmOidAndAbsentParameters() throws Exception {
    // SEQUENCE { OID 1.2.156.10197.1.501 } - no parameters field at all
    assertArrayEquals(
        HexFormat.of().parseHex("300a06082a811ccf55018375"),
        SignatureAlgorithm.SM3_WITH_SM2.algorithmIdentifier().getEncoded());
  }

  @Test
  void sha256WithRsaIdentifierHasNullParameters() throws Exception {
    // SEQUENCE { OID 1.2.840.113549.1.1.11, NULL }
    assertArrayEquals(
        HexFormat.of().parseHex("300d06092a864886f70d01010b0500"),
        SignatureAlgorithm.SHA256_WITH_RSA.algorithmIdentifier().getEncoded());
  }

  @Test
  void sha256WithEcdsaIdentifierHasAbsentParameters() throws Exception {
    // SEQUENCE { OID 1.2.840.10045.4.3.2 } (RFC 5758: the parameters field is absent)
    assertArrayEquals(
        HexFormat.of().parseHex("300a06082a8648ce3d040302"),
        SignatureAlgorithm.SHA256_WITH_ECDSA.algorithmIdentifier().getEncoded());
  }

  @Test
  void eachKeyTypeMapsToItsSignatureAlgorithm() {
    assertEquals(
        SignatureAlgorithm.SHA256_WITH_ECDSA, SignatureAlgorithm.forKey(KeyAlgorithm.EC_P256));
    assertEquals(SignatureAlgorithm.SM3_WITH_SM2, SignatureAlgorithm.forKey(KeyAlgorithm.SM2_256));
    assertEquals(
        SignatureAlgorithm.SHA256_WITH_RSA, SignatureAlgorithm.forKey(KeyAlgorithm.RSA_1024));
    assertEquals(
        SignatureAlgorithm.SHA256_WITH_RSA, SignatureAlgorithm.forKey(KeyAlgorithm.RSA_2048));
    assertEquals(
        SignatureAlgorithm.SHA256_WITH_RSA, SignatureAlgorithm.forKey(KeyAlgorithm.RSA_4096));
  }

  @Test
  void mismatchMessageNamesAliasKeyTypeAndTheAlgorithmToUse() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SignatureAlgorithm.requireMatch(
                    "ca-key", KeyAlgorithm.SM2_256, SignatureAlgorithm.SHA256_WITH_RSA));
    assertEquals(
        "signature algorithm SHA256withRSA cannot be used with key ca-key of type SM2 (sm2p256v1);"
            + " use SM3withSM2",
        e.getMessage());
    assertTrue(KeyAlgorithm.RSA_1024.displayName().contains("legacy"));
  }
}
