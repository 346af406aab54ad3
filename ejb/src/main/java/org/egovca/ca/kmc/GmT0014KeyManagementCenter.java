package org.egovca.ca.kmc;

import static org.egovca.ca.domain.RefusalCode.KMC_REFUSED;
import static org.egovca.ca.domain.RefusalCode.KMC_UNAVAILABLE;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.application.port.KeyManagementCenter;
import org.egovca.ca.domain.Refusal;
import org.egovca.kmc.protocol.CaRequests;
import org.egovca.kmc.protocol.EntNames;
import org.egovca.kmc.protocol.Freshness;
import org.egovca.kmc.protocol.KmResponds;
import org.egovca.kmc.protocol.KmcProtocolException;
import org.egovca.kmc.protocol.asn1.AppUserInfo;
import org.egovca.kmc.protocol.asn1.ApplyKeyReq;
import org.egovca.kmc.protocol.asn1.ErrorPkgRespond;
import org.egovca.kmc.protocol.asn1.KMRespond;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.asn1.Request;
import org.egovca.kmc.protocol.asn1.Respond;
import org.egovca.kmc.protocol.asn1.RestoreKeyReq;
import org.egovca.kmc.protocol.asn1.RetKeyRespond;
import org.egovca.kmc.protocol.asn1.RevokeKeyReq;

/**
 * The key management centre as the CA reaches it: the separate KMC, over GM/T 0014 (SPEC R14; CPS
 * §6.1.4.10.2–3). Each call is one signed CARequest with one request; the KMRespond is accepted
 * only when its kmName is the pinned KMC certificate, its signature verifies with that key, its
 * respondTime is fresh and it answers exactly the request sent (the delivered envelope carries the
 * delivered public key). The CA relays the envelope unopened: it never holds the encryption private
 * key in clear.
 *
 * <p>The KMC commits its escrow before the CA's issuing transaction does. When that transaction
 * then rolls back (the encryption certificate is not issued), {@link OrphanedEscrows} sends a
 * RevokeKeyReq for the reserved serial, so that the escrow record is marked revoked, not left
 * active for a certificate that does not exist.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class GmT0014KeyManagementCenter implements KeyManagementCenter {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject private KmcClientIdentity identity;
  @Inject private KmcTransport transport;
  @Inject private Clock clock;
  @Inject private Event<EncryptionKeyEscrowed> escrowed;

  @Override
  public EncryptionKey issueEncryptionKey(
      PublicKey holderSigningKey,
      String holder,
      BigInteger certificateSerial,
      Instant notBefore,
      Instant notAfter) {
    AppUserInfo user =
        new AppUserInfo(
            certificateSerial,
            SubjectPublicKeyInfo.getInstance(holderSigningKey.getEncoded()),
            notBefore,
            notAfter,
            holder.getBytes(StandardCharsets.UTF_8),
            null,
            null);
    RetKeyRespond answer = exchange(Request.applyKey(ApplyKeyReq.sm2(user))).getRetKeyRespond();
    escrowed.fire(new EncryptionKeyEscrowed(certificateSerial));
    return new EncryptionKey(der(answer.getRetPubKey()), der(answer.getRetPriKey()));
  }

  @Override
  public byte[] recoverEncryptionKey(BigInteger certificateSerial, PublicKey recipient) {
    RestoreKeyReq request =
        RestoreKeyReq.sm2(
            certificateSerial, SubjectPublicKeyInfo.getInstance(recipient.getEncoded()));
    return der(exchange(Request.restoreKey(request)).getRetKeyRespond().getRetPriKey());
  }

  @Override
  public void revokeEncryptionKey(BigInteger certificateSerial) {
    exchange(Request.revokeKey(new RevokeKeyReq(certificateSerial)));
  }

  /** Sends one request and returns its checked answer. */
  private Respond exchange(Request request) {
    KSRequest sent =
        new KSRequest(
            identity.caName(), List.of(request), clock.instant(), CaRequests.newTaskNo(RANDOM));
    byte[] answer;
    try {
      answer = transport.exchange(der(CaRequests.sign(sent, identity.signer())));
    } catch (KmcUnavailableException e) {
      throw new Refusal(KMC_UNAVAILABLE, e.getMessage());
    }
    KMRespond respond;
    try {
      respond = KmResponds.parse(answer);
      X509CertificateHolder kmc = identity.kmc();
      EntNames.requireNames(respond.getKsRespond().getKmName(), kmc);
      KmResponds.verify(respond, kmc.getSubjectPublicKeyInfo());
      Freshness.check(respond.getKsRespond().getRespondTime(), clock.instant(), maxSkew());
      KmResponds.checkAnswers(respond.getKsRespond(), sent);
    } catch (KmcProtocolException e) {
      throw new Refusal(
          KMC_UNAVAILABLE,
          "the KMC's answer is not accepted (" + e.getRefusal() + "): " + e.getMessage());
    }
    Respond only = respond.getKsRespond().getRespondList().get(0);
    if (only.getKind() == Respond.Kind.ERROR_PKG) {
      ErrorPkgRespond error = only.getErrorPkgRespond();
      throw new Refusal(
          KMC_REFUSED,
          "the KMC refused the request (error "
              + error.getErrNo()
              + error.getErrDesc().map(text -> ": " + text).orElse("")
              + ")");
    }
    return only;
  }

  private static Duration maxSkew() {
    return Duration.ofSeconds(Long.getLong("egovca.kmc.maxSkewSeconds", 300));
  }

  private static byte[] der(ASN1Object object) {
    try {
      return object.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
