package org.egovca.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Asn1LimitsTest {

  private static KeyPair key;
  private static X509CertificateHolder certificate;
  private static ContentSigner signer;

  @BeforeAll
  static void pki() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    key = generator.generateKeyPair();
    signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
    X500Name name = new X500Name("CN=Test CA,O=测试单位,C=CN");
    certificate =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.TEN,
                new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L),
                name,
                key.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
            .build(signer);
  }

  @Test
  void realCertificatesRequestsAndCmsMessagesPass() throws Exception {
    Asn1Limits.check(certificate.getEncoded());
    Asn1Limits.check(
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), key.getPublic())
            .build(signer)
            .getEncoded());
    CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
    cms.addSignerInfoGenerator(
        new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
            .build(signer, new JcaX509CertificateConverter().getCertificate(certificate)));
    cms.addCertificate(certificate);
    Asn1Limits.check(
        cms.generate(new CMSProcessableByteArray(new byte[] {1, 2, 3}), false).getEncoded());
  }

  @Test
  void nestingUpToTheLimitPassesAndOneLevelMoreIsRefused() {
    assertDoesNotThrow(() -> Asn1Limits.check(nested(Asn1Limits.MAX_DEPTH - 1, NULL)));
    MalformedAsn1Exception refused =
        assertThrows(
            MalformedAsn1Exception.class,
            () -> Asn1Limits.check(nested(Asn1Limits.MAX_DEPTH, NULL)));
    assertEquals("the ASN.1 encoding is nested more than 64 levels deep", refused.getMessage());
  }

  @Test
  void aHundredThousandLevelsAreRefusedQuicklyWhereBouncyCastleOverflowsItsStack() {
    byte[] deep = nested(100_000, NULL);
    assertThrows(StackOverflowError.class, () -> ASN1Primitive.fromByteArray(deep));
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(deep)));
  }

  @Test
  void indefiniteLengthNestingIsCountedToo() {
    ByteArrayOutputStream ber = new ByteArrayOutputStream();
    for (int i = 0; i < 1_000; i++) {
      ber.write(0x30);
      ber.write(0x80);
    }
    for (int i = 0; i < 1_000; i++) {
      ber.write(0);
      ber.write(0);
    }
    MalformedAsn1Exception refused =
        assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(ber.toByteArray()));
    assertEquals("the ASN.1 encoding is nested more than 64 levels deep", refused.getMessage());
  }

  @Test
  void nestingInsideAnOctetStringOrBitStringCountsFromWhereTheStringIs() {
    // 40 levels, then an OCTET STRING whose content nests 40 more: 81 levels in all
    byte[] inner = nested(40, NULL);
    byte[] octets = tlv(0x04, inner);
    assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(nested(40, octets)));
    byte[] bits = tlv(0x03, concat(new byte[] {0}, inner));
    assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(nested(40, bits)));
    // the same content at a shallow place is fine
    assertDoesNotThrow(() -> Asn1Limits.check(nested(2, octets)));
  }

  @Test
  void opaqueOctetsAreNotMistakenForStructure() throws Exception {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    Asn1Limits.check(nested(30, tlv(0x04, random)));
  }

  @Test
  void truncatedAndOverlongElementsAreNamedWithTheirOffset() throws Exception {
    byte[] der = certificate.getEncoded();
    byte[] truncated = java.util.Arrays.copyOf(der, der.length - 10);
    MalformedAsn1Exception refused =
        assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(truncated));
    assertEquals(
        "the ASN.1 encoding is malformed at byte 0: the length "
            + (der.length - 4)
            + " runs past the end of its container",
        refused.getMessage());
    for (byte[] bad :
        List.of(
            new byte[] {0x30},
            new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1},
            new byte[] {0x04, (byte) 0x80, 0, 0},
            new byte[] {0x30, 0x03, 0x02, 0x05, 0x01},
            new byte[] {
              0x1F, (byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81, 0x01, 0x00
            },
            new byte[] {0x30, (byte) 0x80, 0x05, 0x00})) {
      assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(bad));
    }
  }

  @Test
  void highTagNumbersAreReadAsBouncyCastleReadsThem() throws Exception {
    // five base-128 digits, 2^28: BouncyCastle takes tag numbers of up to 31 bits
    byte[] fiveDigits = {(byte) 0x9F, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0, 0};
    ASN1Primitive.fromByteArray(fiveDigits);
    Asn1Limits.check(fiveDigits);
    // what BouncyCastle refuses is refused too: a number below 31, a leading zero digit, 32 bits
    for (byte[] bad :
        List.of(
            new byte[] {0x1F, 0x1E, 0x00},
            new byte[] {0x1F, (byte) 0x80, 0x01, 0x00},
            new byte[] {
              0x1F, (byte) 0x90, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00, 0x00
            })) {
      assertThrows(Exception.class, () -> ASN1Primitive.fromByteArray(bad));
      assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(bad));
    }
  }

  @Test
  void lengthsWithLeadingZeroOctetsAreReadAsBouncyCastleReadsThem() throws Exception {
    byte[] sixOctets = {0x04, (byte) 0x86, 0, 0, 0, 0, 0, 2, 0x05, 0x00};
    ASN1Primitive.fromByteArray(sixOctets);
    Asn1Limits.check(sixOctets);
    byte[] reserved = {0x04, (byte) 0xFF, 0};
    assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(reserved));
  }

  /**
   * The review's bypass: inside the signature of an ECDSA (or SM2) PKCS#10, a tag with a five-digit
   * tag number, which the check took for opaque bytes, followed by twenty thousand nested
   * indefinite-length SEQUENCEs. BouncyCastle decodes the signature when it verifies it and
   * overflows its stack.
   */
  @Test
  void aHighTagNumberInsideTheSignatureDoesNotHideTheNestingBehindIt() throws Exception {
    byte[] request = requestWithSignature(highTagThenNested(20_000));
    PKCS10CertificationRequest parsed = new PKCS10CertificationRequest(request);
    assertThrows(
        StackOverflowError.class,
        () ->
            parsed.isSignatureValid(
                new JcaContentVerifierProviderBuilder()
                    .setProvider(new BouncyCastleProvider())
                    .build(parsed.getSubjectPublicKeyInfo())));
    MalformedAsn1Exception refused =
        assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(request));
    assertEquals("the ASN.1 encoding is nested more than 64 levels deep", refused.getMessage());
  }

  /** Inside an indefinite-length SEQUENCE BouncyCastle does not check a length before reading. */
  @Test
  void anElementLongerThanItsContainerDoesNotHideTheNestingInsideIt() throws Exception {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(new byte[] {0x30, (byte) 0x80, 0x30, (byte) 0x84, 0x7F, (byte) 0xFF, 0, 0});
    content.writeBytes(indefiniteSequences(20_000));
    byte[] octets = content.toByteArray();
    assertThrows(StackOverflowError.class, () -> ASN1Primitive.fromByteArray(octets));
    assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(tlv(0x04, octets)));
  }

  /** BouncyCastle concatenates the segments of a BER constructed string before parsing it. */
  @Test
  void nestingSplitAcrossTheSegmentsOfAConstructedStringIsCounted() throws Exception {
    byte[] deep = indefiniteSequences(20_000);
    for (int tag : new int[] {0x24, 0x23}) {
      ByteArrayOutputStream string = new ByteArrayOutputStream();
      string.write(tag);
      string.write(0x80);
      for (byte b : deep) { // one-byte segments: each alone is no encoding
        if (tag == 0x23) {
          string.writeBytes(new byte[] {0x03, 0x02, 0x00, b});
        } else {
          string.writeBytes(new byte[] {0x04, 0x01, b});
        }
      }
      string.writeBytes(new byte[] {0, 0});
      byte[] ber = string.toByteArray();
      ASN1Primitive parsed = ASN1Primitive.fromByteArray(ber);
      byte[] octets =
          tag == 0x24
              ? ((ASN1OctetString) parsed).getOctets()
              : ((ASN1BitString) parsed).getOctets();
      assertThrows(StackOverflowError.class, () -> ASN1Primitive.fromByteArray(octets));
      MalformedAsn1Exception refused =
          assertThrows(MalformedAsn1Exception.class, () -> Asn1Limits.check(ber));
      assertEquals("the ASN.1 encoding is nested more than 64 levels deep", refused.getMessage());
    }
  }

  @Test
  void randomOpaqueContentIsAlmostNeverMistakenForDeepNesting() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      byte[] opaque = new byte[16 + random.nextInt(512)];
      random.nextBytes(opaque);
      Asn1Limits.check(nested(20, tlv(0x04, opaque)));
      Asn1Limits.check(nested(20, tlv(0x03, concat(new byte[] {0}, opaque))));
    }
  }

  /** The signature value of a BIT STRING: a tag numbered 2^28, then {@code levels} SEQUENCEs. */
  static byte[] highTagThenNested(int levels) {
    ByteArrayOutputStream ber = new ByteArrayOutputStream();
    ber.writeBytes(new byte[] {(byte) 0xBF, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    ber.writeBytes(new byte[] {0x00, (byte) 0x80});
    ber.writeBytes(indefiniteSequences(levels));
    ber.writeBytes(new byte[] {0, 0});
    return ber.toByteArray();
  }

  /** {@code levels} indefinite-length SEQUENCEs, each closed. */
  static byte[] indefiniteSequences(int levels) {
    byte[] ber = new byte[4 * levels];
    for (int i = 0; i < levels; i++) {
      ber[2 * i] = 0x30;
      ber[2 * i + 1] = (byte) 0x80;
    }
    return ber; // the end-of-contents octets are the zeros that follow
  }

  /** A real PKCS#10 of the test key whose signature BIT STRING holds {@code signature}. */
  static byte[] requestWithSignature(byte[] signature) throws Exception {
    CertificationRequest real =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Deep"), key.getPublic())
            .build(signer)
            .toASN1Structure();
    return new CertificationRequest(
            real.getCertificationRequestInfo(),
            real.getSignatureAlgorithm(),
            new DERBitString(signature))
        .getEncoded();
  }

  private static final byte[] NULL = {0x05, 0x00};

  /** {@code levels} SEQUENCEs around {@code inner}, written outside in without copying. */
  static byte[] nested(int levels, byte[] inner) {
    int[] contentLength = new int[levels + 1]; // [i]: the content of the (i+1)-th from inside
    contentLength[0] = inner.length;
    for (int i = 1; i <= levels; i++) {
      contentLength[i] = 1 + header(contentLength[i - 1]).length + contentLength[i - 1];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength[levels] + 8);
    for (int i = levels - 1; i >= 0; i--) {
      out.write(0x30);
      out.writeBytes(header(contentLength[i]));
    }
    out.writeBytes(inner);
    return out.toByteArray();
  }

  /** The length octets of a content of {@code n} bytes. */
  private static byte[] header(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    } else if (n < 0x100) {
      return new byte[] {(byte) 0x81, (byte) n};
    } else if (n < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    out.writeBytes(header(content.length));
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
