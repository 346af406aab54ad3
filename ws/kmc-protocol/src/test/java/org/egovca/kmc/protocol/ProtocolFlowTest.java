package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.encoders.Hex;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.ApplyKeyReq;
import org.egovca.kmc.protocol.asn1.CARequest;
import org.egovca.kmc.protocol.asn1.KMRespond;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.asn1.KSRespond;
import org.egovca.kmc.protocol.asn1.Request;
import org.egovca.kmc.protocol.asn1.Respond;
import org.egovca.kmc.protocol.asn1.RetKeyRespond;
import org.egovca.kmc.protocol.asn1.SM2EnvelopedKey;
import org.egovca.kmc.protocol.testing.Messages;
import org.egovca.kmc.protocol.testing.OpenSslCommand;
import org.egovca.kmc.protocol.testing.Pem;
import org.egovca.kmc.protocol.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key application from end to end, as octets on the wire: the CA asks, the KMC generates, escrows
 * nothing here but envelopes the key to the holder's signing key and answers, the CA checks the
 * answer without opening anything, and the holder (OpenSSL, an independent implementation) opens
 * the envelope and decrypts what was encrypted to the delivered public key.
 */
class ProtocolFlowTest {

  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ReplayWindow kmcWindow = new ReplayWindow(SKEW);
  private KeyPair generatedByKmc;

  @Test
  void theHolderOpensWithOpenSslWhatTheKmcSentThroughTheCa(@TempDir Path dir) throws Exception {
    byte[] caRequest = caSendsAnApplication();
    byte[] kmRespond = kmcAnswers(caRequest, Messages.NOW.plusSeconds(2));
    byte[] envelopeForHolder = caRelays(kmRespond, caRequest, Messages.NOW.plusSeconds(3));

    holderOpensWithOpenSsl(dir, envelopeForHolder);
  }

  @Test
  void theKmcRefusesTheSameRequestTwice() throws Exception {
    byte[] caRequest = caSendsAnApplication();
    kmcAnswers(caRequest, Messages.NOW.plusSeconds(2));

    KmcProtocolException e =
        assertThrows(
            KmcProtocolException.class, () -> kmcAnswers(caRequest, Messages.NOW.plusSeconds(9)));
    assertEquals(Refusal.REPLAYED, e.getRefusal());
  }

  private static byte[] caSendsAnApplication() throws IOException {
    KSRequest request =
        new KSRequest(
            EntNames.of(Messages.CA_CERTIFICATE),
            List.of(Request.applyKey(ApplyKeyReq.sm2(Messages.appUserInfo()))),
            Messages.NOW,
            CaRequests.newTaskNo(RANDOM));
    CARequest signed =
        CaRequests.sign(request, TestKeys.signer("SM3withSM2", Messages.CA_KEYS.getPrivate()));
    return signed.getEncoded(ASN1Encoding.DER);
  }

  /** The KMC's side: check the CA, then make a key pair per application and envelope it. */
  private byte[] kmcAnswers(byte[] body, Instant now) throws Exception {
    CARequest received = CaRequests.parse(body);
    KSRequest request = received.getKsRequest();
    EntNames.requireNames(request.getCaName(), Messages.CA_CERTIFICATE);
    CaRequests.verify(received, Messages.CA_CERTIFICATE.getSubjectPublicKeyInfo());
    kmcWindow.accept(request.getCaName(), request.getTaskNo(), request.getRequestTime(), now);

    List<Respond> answers = new ArrayList<>();
    for (Request item : request.getRequestList()) {
      ApplyKeyReq application = item.getApplyKeyReq();
      generatedByKmc = EncryptionKeyPairs.generate(RANDOM);
      SM2EnvelopedKey envelope =
          EnvelopedKeys.envelope(
              generatedByKmc.getPrivate(),
              generatedByKmc.getPublic(),
              application.getAppUserInfo().getUserPubKey(),
              RANDOM);
      answers.add(
          Respond.retKey(
              new RetKeyRespond(
                  application.getAppUserInfo().getUserCertNo(),
                  TestKeys.spki(generatedByKmc.getPublic()),
                  envelope)));
    }
    KSRespond respond =
        new KSRespond(EntNames.of(Messages.KMC_CERTIFICATE), answers, now, request.getTaskNo());
    return KmResponds.sign(respond, TestKeys.signer("SM3withSM2", Messages.KMC_KEYS.getPrivate()))
        .getEncoded(ASN1Encoding.DER);
  }

  /** The CA's side: check the KMC and the answer; relay retPriKey as it came. */
  private byte[] caRelays(byte[] body, byte[] sentRequest, Instant now) throws Exception {
    KMRespond received = KmResponds.parse(body);
    KSRespond respond = received.getKsRespond();
    EntNames.requireNames(respond.getKmName(), Messages.KMC_CERTIFICATE);
    KmResponds.verify(received, Messages.KMC_CERTIFICATE.getSubjectPublicKeyInfo());
    Freshness.check(respond.getRespondTime(), now, SKEW);
    KmResponds.checkAnswers(respond, CARequest.getInstance(sentRequest).getKsRequest());

    RetKeyRespond delivery = respond.getRespondList().get(0).getRetKeyRespond();
    assertEquals(TestKeys.spki(generatedByKmc.getPublic()), delivery.getRetPubKey());
    return delivery.getRetPriKey().getEncoded(ASN1Encoding.DER);
  }

  /**
   * The holder's side, all in OpenSSL: SM2-decrypt the SM4 key with the signing key, SM4-ECB
   * decrypt d, derive the public key from d and compare it with the delivered one, and decrypt a
   * message OpenSSL encrypted to the delivered public key. Java only cuts the envelope into files
   * and wraps d in a SEC1 ECPrivateKey, neither of which computes anything.
   */
  private void holderOpensWithOpenSsl(Path dir, byte[] envelopeDer) throws Exception {
    ASN1Sequence envelope = ASN1Sequence.getInstance(envelopeDer);
    Files.write(dir.resolve("sm4-key.sm2"), envelope.getObjectAt(1).toASN1Primitive().getEncoded());
    Files.write(dir.resolve("d.sm4"), ((ASN1BitString) envelope.getObjectAt(3)).getOctets());
    Pem.writePrivateKey(dir.resolve("signing.pem"), Messages.HOLDER_SIGNING_KEYS.getPrivate());
    SubjectPublicKeyInfo delivered = TestKeys.spki(generatedByKmc.getPublic());
    Pem.writePublicKey(dir.resolve("delivered.pem"), delivered);

    openssl(
        dir,
        "pkeyutl",
        "-decrypt",
        "-inkey",
        "signing.pem",
        "-in",
        "sm4-key.sm2",
        "-out",
        "sm4.key");
    String sm4Key = Hex.toHexString(Files.readAllBytes(dir.resolve("sm4.key")));
    openssl(dir, "enc", "-d", "-sm4-ecb", "-nopad", "-K", sm4Key, "-in", "d.sm4", "-out", "d.bin");
    byte[] d = Files.readAllBytes(dir.resolve("d.bin"));
    assertEquals(32, d.length);
    Pem.write(dir.resolve("encryption.pem"), "EC PRIVATE KEY", sec1(d));
    openssl(dir, "pkey", "-in", "encryption.pem", "-pubout", "-out", "derived.pem");
    assertEquals(
        Files.readString(dir.resolve("delivered.pem")),
        Files.readString(dir.resolve("derived.pem")));

    byte[] message =
        "为加密证书加密的数据 / data for the encryption certificate".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("m.txt"), message);
    openssl(
        dir,
        "pkeyutl",
        "-encrypt",
        "-pubin",
        "-inkey",
        "delivered.pem",
        "-in",
        "m.txt",
        "-out",
        "m.sm2");
    openssl(
        dir, "pkeyutl", "-decrypt", "-inkey", "encryption.pem", "-in", "m.sm2", "-out", "m.out");
    assertArrayEquals(message, Files.readAllBytes(dir.resolve("m.out")));
  }

  private static void openssl(Path dir, String... args) {
    OpenSslCommand.run(dir, args);
  }

  /** RFC 5915 ECPrivateKey {1, d, [0] sm2p256v1}, without the public key: OpenSSL derives it. */
  private static byte[] sec1(byte[] d) throws IOException {
    ASN1Object key =
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1Integer(BigInteger.ONE),
              new DEROctetString(d),
              new DERTaggedObject(true, 0, GMObjectIdentifiers.sm2p256v1)
            });
    return key.getEncoded(ASN1Encoding.DER);
  }
}
