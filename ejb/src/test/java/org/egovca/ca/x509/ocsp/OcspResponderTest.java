package org.egovca.ca.x509.ocsp;

import static org.egovca.ca.x509.ocsp.OcspTestPki.GOOD;
import static org.egovca.ca.x509.ocsp.OcspTestPki.KEY_COMPROMISE;
import static org.egovca.ca.x509.ocsp.OcspTestPki.NEVER_ISSUED;
import static org.egovca.ca.x509.ocsp.OcspTestPki.REVOCATION_TIME;
import static org.egovca.ca.x509.ocsp.OcspTestPki.REVOKED;
import static org.egovca.ca.x509.ocsp.OcspTestPki.SHA1;
import static org.egovca.ca.x509.ocsp.OcspTestPki.SM3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.ocsp.SingleResponse;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Statuses, signatures, nonce and refusals of {@link OcspResponder}, checked with BC's client. */
class OcspResponderTest {

  private static final Duration VALIDITY = Duration.ofHours(4);
  private static final OcspTestPki PKI = OcspTestPki.get();

  static Stream<Arguments> responders() {
    return Stream.of(PKI.sm2, PKI.rsa)
        .flatMap(
            ca ->
                Stream.of(true, false)
                    .flatMap(
                        delegated ->
                            Stream.of(
                                Arguments.of(ca.name, delegated, "SHA-1"),
                                Arguments.of(ca.name, delegated, "SM3"))));
  }

  private static OcspTestPki.TestCa ca(String name) {
    return name.equals(PKI.sm2.name) ? PKI.sm2 : PKI.rsa;
  }

  @ParameterizedTest(name = "{0}, delegated={1}, CertID hash {2}")
  @MethodSource("responders")
  void answersGoodRevokedAndUnknownSignedAndWithNonce(String caName, boolean delegated, String hash)
      throws Exception {
    OcspTestPki.TestCa ca = ca(caName);
    AtomicInteger signers = new AtomicInteger();
    ResponderIssuer issuer = delegated ? ca.delegated(signers) : ca.caSigned(false, signers);
    OcspResponder responder = new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY);
    AlgorithmIdentifier hashAlgorithm = hash.equals("SM3") ? SM3 : SHA1;
    byte[] nonce = "0123456789abcdef0123456789abcdef".getBytes();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    BasicOCSPResp response =
        OcspMessages.basic(
            responder.respond(
                OcspMessages.request(
                    nonce,
                    ca.certId(hashAlgorithm, GOOD),
                    ca.certId(hashAlgorithm, REVOKED),
                    ca.certId(hashAlgorithm, NEVER_ISSUED)),
                now));

    assertEquals(1, signers.get());
    SingleResp[] singles = response.getResponses();
    assertEquals(3, singles.length);
    assertEquals(ca.certId(hashAlgorithm, GOOD), singles[0].getCertID());
    assertNull(singles[0].getCertStatus(), "good");
    RevokedStatus revoked = assertInstanceOf(RevokedStatus.class, singles[1].getCertStatus());
    assertEquals(Date.from(REVOCATION_TIME), revoked.getRevocationTime());
    assertTrue(revoked.hasRevocationReason());
    assertEquals(KEY_COMPROMISE, revoked.getRevocationReason());
    assertInstanceOf(UnknownStatus.class, singles[2].getCertStatus());
    for (SingleResp single : singles) {
      assertEquals(Date.from(now), single.getThisUpdate());
      assertEquals(Date.from(now.plus(VALIDITY)), single.getNextUpdate());
    }
    assertEquals(Date.from(now), response.getProducedAt());

    Extension echoed = response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    assertArrayEquals(
        new DEROctetString(nonce).getEncoded(), echoed.getExtnValue().getOctets(), "nonce echoed");

    X509CertificateHolder signer = delegated ? ca.responder : ca.certificate;
    assertTrue(OcspMessages.signatureValid(response, signer), "signature verifies");
    assertFalse(OcspMessages.signatureValid(response, delegated ? ca.certificate : ca.responder));
    assertEquals(
        ca.signatureAlgorithm.algorithmIdentifier().getAlgorithm(), response.getSignatureAlgOID());
    byte[] keyHash =
        MessageDigest.getInstance("SHA-1")
            .digest(signer.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
    assertEquals(
        new ResponderID(new DEROctetString(keyHash)), response.getResponderId().toASN1Primitive());
    if (delegated) {
      X509CertificateHolder[] certs = response.getCerts();
      assertEquals(1, certs.length);
      assertEquals(ca.responder, certs[0]);
      assertTrue(
          ExtendedKeyUsage.fromExtensions(certs[0].getExtensions())
              .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning));
      assertTrue(certs[0].getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck) != null);
    } else {
      assertEquals(0, response.getCerts().length);
    }
  }

  @Test
  void caSignedResponseCanIncludeTheCaCertificate() {
    ResponderIssuer issuer = PKI.rsa.caSigned(true, new AtomicInteger());
    BasicOCSPResp response =
        OcspMessages.basic(
            new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY)
                .respond(OcspMessages.request(null, PKI.rsa.certId(SHA1, GOOD)), Instant.now()));
    assertArrayEquals(new X509CertificateHolder[] {PKI.rsa.certificate}, response.getCerts());
    assertNull(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
  }

  @Test
  void timesAreWholeSecondsAndRevocationReasonMayBeAbsent() throws Exception {
    ResponderIssuer issuer = PKI.sm2.caSigned(false, new AtomicInteger());
    InMemoryStatusLookup lookup = InMemoryStatusLookup.standard(issuer);
    Instant revokedAt = Instant.parse("2026-05-06T07:08:09.987654321Z");
    lookup.set(issuer.name(), REVOKED, OcspCertStatus.revoked(revokedAt, null));
    Instant second = PKI.created.plusSeconds(60);
    Instant now = second.plusMillis(750);
    byte[] der =
        new OcspResponder(lookup, Duration.ofMillis(90_500))
            .respond(OcspMessages.request(null, PKI.sm2.certId(SHA1, REVOKED)), now);

    DateTimeFormatter generalizedTime =
        DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    BasicOCSPResponse basic = BasicOCSPResponse.getInstance(OcspMessages.basic(der).getEncoded());
    assertEquals(
        generalizedTime.format(second), basic.getTbsResponseData().getProducedAt().getTimeString());
    SingleResponse single =
        SingleResponse.getInstance(basic.getTbsResponseData().getResponses().getObjectAt(0));
    assertEquals(generalizedTime.format(second), single.getThisUpdate().getTimeString());
    assertEquals(
        generalizedTime.format(second.plusSeconds(90)), single.getNextUpdate().getTimeString());
    RevokedStatus revoked =
        (RevokedStatus) OcspMessages.basic(der).getResponses()[0].getCertStatus();
    assertFalse(revoked.hasRevocationReason());
    assertEquals(Date.from(revokedAt.truncatedTo(ChronoUnit.SECONDS)), revoked.getRevocationTime());
  }

  @Test
  void unknownIssuerAloneIsUnauthorized() {
    // The RSA CA is not served by this responder; neither is any CertID with SHA-512.
    ResponderIssuer issuer = PKI.sm2.caSigned(false, new AtomicInteger());
    OcspResponder responder = new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY);
    assertEquals(
        OCSPResp.UNAUTHORIZED,
        status(
            responder.respond(
                OcspMessages.request(null, PKI.rsa.certId(SHA1, GOOD)), Instant.now())));
    AlgorithmIdentifier sha512 =
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512, DERNull.INSTANCE);
    assertEquals(
        OCSPResp.UNAUTHORIZED,
        status(
            responder.respond(
                OcspMessages.request(null, PKI.sm2.certId(sha512, GOOD)), Instant.now())));
  }

  @Test
  void unsupportedHashOrForeignIssuerNextToOneOfOursIsUnknown() {
    ResponderIssuer issuer = PKI.sm2.caSigned(false, new AtomicInteger());
    OcspResponder responder = new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY);
    AlgorithmIdentifier sha512 =
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512, DERNull.INSTANCE);
    BasicOCSPResp response =
        OcspMessages.basic(
            responder.respond(
                OcspMessages.request(
                    null,
                    PKI.sm2.certId(sha512, GOOD),
                    PKI.sm2.certId(SHA1, GOOD),
                    PKI.rsa.certId(SHA1, GOOD)),
                Instant.now()));
    SingleResp[] singles = response.getResponses();
    assertInstanceOf(UnknownStatus.class, singles[0].getCertStatus());
    assertNull(singles[1].getCertStatus());
    assertInstanceOf(UnknownStatus.class, singles[2].getCertStatus());
    assertTrue(OcspMessages.signatureValid(response, PKI.sm2.certificate));
  }

  @Test
  void sha256CertIdsAreServedToo() {
    ResponderIssuer issuer = PKI.rsa.caSigned(false, new AtomicInteger());
    AlgorithmIdentifier sha256 =
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
    BasicOCSPResp response =
        OcspMessages.basic(
            new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY)
                .respond(OcspMessages.request(null, PKI.rsa.certId(sha256, GOOD)), Instant.now()));
    assertNull(response.getResponses()[0].getCertStatus());
  }

  @Test
  void certIdsOfTwoServedIssuersAreRefused() {
    AtomicInteger signers = new AtomicInteger();
    OcspResponder responder =
        new OcspResponder(
            InMemoryStatusLookup.standard(
                PKI.sm2.caSigned(false, signers), PKI.rsa.caSigned(false, signers)),
            VALIDITY);
    byte[] request =
        OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD), PKI.rsa.certId(SHA1, GOOD));
    assertEquals(OCSPResp.MALFORMED_REQUEST, status(responder.respond(request, Instant.now())));
    assertEquals(0, signers.get());
  }

  @Test
  void malformedInputGetsMalformedRequestAndNoException() throws IOException {
    OcspResponder responder =
        new OcspResponder(
            InMemoryStatusLookup.standard(PKI.rsa.caSigned(false, new AtomicInteger())), VALIDITY);
    byte[] valid = OcspMessages.request(null, PKI.rsa.certId(SHA1, GOOD));
    byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
    byte[] notARequest = new DERSequence(new ASN1Integer(5)).getEncoded();
    byte[] emptyList =
        new DERSequence(new DERSequence(new DERSequence(new ASN1Encodable[0]))).getEncoded();
    List<byte[]> inputs =
        List.of(
            new byte[0],
            "GET / HTTP/1.1\r\n\r\n".getBytes(),
            new byte[] {0x30, (byte) 0x82, 0x7f},
            Arrays.copyOf(valid, valid.length - 3),
            Arrays.copyOf(valid, valid.length / 2),
            trailing,
            notARequest,
            emptyList,
            responder.respond(valid, Instant.now()));
    for (byte[] input : inputs) {
      assertEquals(OCSPResp.MALFORMED_REQUEST, status(responder.respond(input, Instant.now())));
    }
    assertEquals(OCSPResp.MALFORMED_REQUEST, status(responder.respond(null, Instant.now())));
    // Indefinite-length nesting 100 000 deep: the parser's recursion must not escape.
    int depth = 100_000;
    byte[] nested = new byte[depth * 4];
    for (int i = 0; i < depth; i++) {
      nested[2 * i] = 0x30;
      nested[2 * i + 1] = (byte) 0x80;
    }
    assertEquals(OCSPResp.MALFORMED_REQUEST, status(responder.respond(nested, Instant.now())));
    assertEquals(OCSPResp.SUCCESSFUL, status(responder.respond(valid, Instant.now())));
  }

  @Test
  void nonceLengthIsChecked() {
    OcspResponder responder =
        new OcspResponder(
            InMemoryStatusLookup.standard(PKI.sm2.caSigned(false, new AtomicInteger())), VALIDITY);
    CertificateID id = PKI.sm2.certId(SHA1, GOOD);
    assertEquals(
        OCSPResp.MALFORMED_REQUEST,
        status(responder.respond(OcspMessages.request(new byte[0], id), Instant.now())));
    assertEquals(
        OCSPResp.MALFORMED_REQUEST,
        status(responder.respond(OcspMessages.request(new byte[129], id), Instant.now())));
    assertEquals(
        OCSPResp.SUCCESSFUL,
        status(responder.respond(OcspMessages.request(new byte[128], id), Instant.now())));
    assertEquals(
        OCSPResp.SUCCESSFUL,
        status(responder.respond(OcspMessages.request(new byte[1], id), Instant.now())));
  }

  @Test
  void aDeeplyNestedNonceIsMalformedRequestNotAStackOverflow() throws Exception {
    OcspResponder responder =
        new OcspResponder(
            InMemoryStatusLookup.standard(PKI.sm2.caSigned(false, new AtomicInteger())), VALIDITY);
    byte[] deep = {0x05, 0x00};
    for (int i = 0; i < 10_000; i++) { // some 50 KB, under the 64 KiB an OCSP POST may have
      deep = sequence(deep);
    }
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(PKI.sm2.certId(SHA1, GOOD));
    builder.setRequestExtensions(
        new Extensions(
            new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(deep))));
    byte[] request = builder.build().getEncoded();
    assertEquals(OCSPResp.MALFORMED_REQUEST, status(responder.respond(request, Instant.now())));
  }

  /** A SEQUENCE around {@code content}, with a three-octet length. */
  private static byte[] sequence(byte[] content) {
    byte[] der = new byte[content.length + 5];
    der[0] = 0x30;
    der[1] = (byte) 0x83;
    der[2] = (byte) (content.length >> 16);
    der[3] = (byte) (content.length >> 8);
    der[4] = (byte) content.length;
    System.arraycopy(content, 0, der, 5, content.length);
    return der;
  }

  @Test
  void tooManyCertIdsAreRefused() {
    OcspResponder responder =
        new OcspResponder(
            InMemoryStatusLookup.standard(PKI.sm2.caSigned(false, new AtomicInteger())), VALIDITY);
    CertificateID[] ids = new CertificateID[OcspRequestData.MAX_CERT_IDS + 1];
    Arrays.fill(ids, PKI.sm2.certId(SHA1, GOOD));
    assertEquals(
        OCSPResp.MALFORMED_REQUEST,
        status(responder.respond(OcspMessages.request(null, ids), Instant.now())));
    assertEquals(
        OCSPResp.SUCCESSFUL,
        status(
            responder.respond(
                OcspMessages.request(null, Arrays.copyOf(ids, OcspRequestData.MAX_CERT_IDS)),
                Instant.now())));
  }

  @Test
  void lookupOrSignerFailureIsInternalError() {
    byte[] request = OcspMessages.request(null, PKI.rsa.certId(SHA1, GOOD));
    ResponderIssuer issuer = PKI.rsa.caSigned(false, new AtomicInteger());
    CertificateStatusLookup failing =
        new CertificateStatusLookup() {
          @Override
          public java.util.Optional<ResponderIssuer> issuerOf(CertID certId) {
            return java.util.Optional.of(issuer);
          }

          @Override
          public OcspCertStatus status(ResponderIssuer issuer, BigInteger serialNumber) {
            throw new IllegalStateException("database down");
          }
        };
    assertEquals(
        OCSPResp.INTERNAL_ERROR,
        status(new OcspResponder(failing, VALIDITY).respond(request, Instant.now())));

    ResponderIssuer offline =
        ResponderIssuer.caSigned(
            PKI.rsa.name,
            PKI.rsa.certificate,
            () -> {
              throw new IllegalStateException("token offline");
            },
            false);
    assertEquals(
        OCSPResp.INTERNAL_ERROR,
        status(
            new OcspResponder(InMemoryStatusLookup.standard(offline), VALIDITY)
                .respond(request, Instant.now())));
  }

  @Test
  void expiredSigningCertificateIsInternalError() {
    AtomicInteger signers = new AtomicInteger();
    OcspResponder responder =
        new OcspResponder(InMemoryStatusLookup.standard(PKI.sm2.delegated(signers)), VALIDITY);
    byte[] request = OcspMessages.request(null, PKI.sm2.certId(SHA1, GOOD));
    Instant afterExpiry = PKI.created.plus(Duration.ofDays(3650));
    assertEquals(OCSPResp.INTERNAL_ERROR, status(responder.respond(request, afterExpiry)));
    assertEquals(0, signers.get());
  }

  @Test
  void delegationRequiresOcspSigningNocheckAndTheIssuingCa() {
    AtomicInteger signers = new AtomicInteger();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResponderIssuer.delegated(
                "x",
                PKI.sm2.certificate,
                PKI.sm2.responderWithoutEku,
                PKI.sm2.responderSigner(signers)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResponderIssuer.delegated(
                "x",
                PKI.sm2.certificate,
                PKI.sm2.responderWithoutNocheck,
                PKI.sm2.responderSigner(signers)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResponderIssuer.delegated(
                "x", PKI.sm2.certificate, PKI.rsa.responder, PKI.rsa.responderSigner(signers)));
    assertEquals(0, signers.get());
  }

  @Test
  void certIdsWithAbsentOrNullHashParametersBothMatch() throws IOException {
    ResponderIssuer issuer = PKI.rsa.caSigned(false, new AtomicInteger());
    CertID withNull = PKI.rsa.certId(SHA1, GOOD).toASN1Primitive();
    CertID withoutParameters =
        new CertID(
            new AlgorithmIdentifier(withNull.getHashAlgorithm().getAlgorithm()),
            withNull.getIssuerNameHash(),
            withNull.getIssuerKeyHash(),
            withNull.getSerialNumber());
    assertTrue(issuer.matches(withNull));
    assertTrue(issuer.matches(withoutParameters));
    assertFalse(
        issuer.matches(
            new CertID(
                withNull.getHashAlgorithm(),
                withNull.getIssuerKeyHash(),
                withNull.getIssuerNameHash(),
                withNull.getSerialNumber())));
    // The response echoes the CertID exactly as the client sent it.
    BasicOCSPResp response =
        OcspMessages.basic(
            new OcspResponder(InMemoryStatusLookup.standard(issuer), VALIDITY)
                .respond(
                    OcspMessages.request(null, new CertificateID(withoutParameters)),
                    Instant.now()));
    assertEquals(
        ASN1Primitive.fromByteArray(withoutParameters.getEncoded()),
        response.getResponses()[0].getCertID().toASN1Primitive().toASN1Primitive());
  }

  private static int status(byte[] response) {
    return OcspMessages.parse(response).getStatus();
  }
}
