package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.KMRespond;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.asn1.KSRespond;
import org.egovca.kmc.protocol.asn1.Respond;
import org.egovca.kmc.protocol.asn1.RetKeyRespond;
import org.egovca.kmc.protocol.asn1.RevokeKeyRespond;
import org.egovca.kmc.protocol.testing.Messages;
import org.egovca.kmc.protocol.testing.TestKeys;
import org.junit.jupiter.api.Test;

class KmRespondsTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final KSRequest REQUEST = Messages.ksRequest();
  private static final KSRespond RESPOND = Messages.ksRespond();

  @Test
  void aSignedAnswerVerifiesWithTheKmcKeyAfterTheWire() throws Exception {
    KMRespond signed =
        KmResponds.sign(RESPOND, TestKeys.signer("SM3withSM2", Messages.KMC_KEYS.getPrivate()));

    KMRespond received = KmResponds.parse(signed.getEncoded(ASN1Encoding.DER));

    assertDoesNotThrow(() -> KmResponds.verify(received, Messages.KMC_KEYS.getPublic()));
    assertEquals(RESPOND, received.getKsRespond());
    KmcProtocolException e =
        assertThrows(
            KmcProtocolException.class,
            () -> KmResponds.verify(received, Messages.CA_KEYS.getPublic()));
    assertEquals(Refusal.BAD_SIGNATURE, e.getRefusal());
  }

  @Test
  void garbageIsMalformed() {
    KmcProtocolException e =
        assertThrows(KmcProtocolException.class, () -> KmResponds.parse(new byte[] {4, 0}));

    assertEquals(Refusal.MALFORMED, e.getRefusal());
  }

  @Test
  void answersThatFitTheRequestPass() {
    assertDoesNotThrow(() -> KmResponds.checkAnswers(RESPOND, REQUEST));
    assertDoesNotThrow(() -> KmResponds.checkAnswers(Messages.errors(), REQUEST));
  }

  @Test
  void anotherTaskIsRefused() {
    KSRespond other =
        new KSRespond(
            RESPOND.getKmName(),
            RESPOND.getRespondList(),
            RESPOND.getRespondTime(),
            Messages.TASK_NO.add(BigInteger.ONE));

    assertInconsistent(other, "it answers task");
  }

  @Test
  void aMissingAnswerIsRefused() {
    assertInconsistent(respondWith(RESPOND.getRespondList().subList(0, 2)), "2 answers to 3");
  }

  @Test
  void answersOutOfOrderAreRefused() {
    List<Respond> answers = RESPOND.getRespondList();

    assertInconsistent(
        respondWith(List.of(answers.get(1), answers.get(0), answers.get(2))),
        "answer 0 is RET_RESTORE_KEY to a APPLY_KEY request");
  }

  @Test
  void anAnswerForAnotherCertificateIsRefused() {
    List<Respond> answers = RESPOND.getRespondList();
    Respond otherRevocation = Respond.revokeKey(new RevokeKeyRespond(BigInteger.valueOf(99)));

    assertInconsistent(
        respondWith(List.of(answers.get(0), answers.get(1), otherRevocation)),
        "answer 2 is for another encryption certificate");
  }

  /** The CA's check before it certifies retPubKey: the envelope must carry that very key. */
  @Test
  void anEnvelopeForAnotherKeyIsRefused() {
    List<Respond> answers = RESPOND.getRespondList();
    RetKeyRespond honest = answers.get(0).getRetKeyRespond();
    KeyPair other = EncryptionKeyPairs.generate(RANDOM);
    RetKeyRespond swapped =
        new RetKeyRespond(
            honest.getUserCertNo(), TestKeys.spki(other.getPublic()), honest.getRetPriKey());

    assertInconsistent(
        respondWith(List.of(Respond.retKey(swapped), answers.get(1), answers.get(2))),
        "answer 0: Sm2PublicKey is not the public key");
  }

  @Test
  void aDeliveredKeyThatIsNotSm2IsRefused() {
    List<Respond> answers = RESPOND.getRespondList();
    RetKeyRespond honest = answers.get(0).getRetKeyRespond();
    RetKeyRespond p256 =
        new RetKeyRespond(
            honest.getUserCertNo(),
            TestKeys.spki(TestKeys.ecKeyPair("secp256r1").getPublic()),
            honest.getRetPriKey());

    assertInconsistent(
        respondWith(List.of(Respond.retKey(p256), answers.get(1), answers.get(2))),
        "answer 0: the public key to deliver is not an SM2 key");
  }

  private static KSRespond respondWith(List<Respond> answers) {
    return new KSRespond(
        RESPOND.getKmName(), answers, RESPOND.getRespondTime(), RESPOND.getTaskNo());
  }

  private static void assertInconsistent(KSRespond respond, String reason) {
    KmcProtocolException e =
        assertThrows(KmcProtocolException.class, () -> KmResponds.checkAnswers(respond, REQUEST));
    assertEquals(Refusal.INCONSISTENT_RESPONSE, e.getRefusal());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
