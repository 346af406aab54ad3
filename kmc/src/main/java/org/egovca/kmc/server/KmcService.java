package org.egovca.kmc.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.guard.Asn1Limits;
import org.egovca.guard.MalformedAsn1Exception;
import org.egovca.kmc.protocol.CaRequests;
import org.egovca.kmc.protocol.EntNames;
import org.egovca.kmc.protocol.Freshness;
import org.egovca.kmc.protocol.KmResponds;
import org.egovca.kmc.protocol.KmcProtocolException;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.ProtocolCertificates;
import org.egovca.kmc.protocol.asn1.CARequest;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.asn1.KSRespond;
import org.egovca.kmc.protocol.asn1.Request;
import org.egovca.kmc.protocol.asn1.Respond;

/**
 * The KMC's side of GM/T 0014, free of HTTP: a DER CARequest in, a DER KMRespond out. The web
 * application puts it behind {@code POST /kmc/protocol}; the CA's service tier runs it in-process.
 *
 * <p>A message is checked in this order, and refused as a whole (a {@link KmcProtocolException}, no
 * KMRespond) at the first failure: nesting depth (input-guard), strict DER, at most {@code
 * maxRequests} requests (review finding K2), the CA's EntName against the pinned CA certificate,
 * the CA's signature, freshness of requestTime, and the task number never seen from this CA within
 * the replay window, which is kept in the KMC's database (review finding K1). Then each request is
 * done, in one transaction with the task number; a request that cannot be done gets an
 * ErrorPkgRespond.
 */
public final class KmcService {

  private final KmcKeys keys;
  private final KmcStore store;
  private final KeyRequests requests;
  private final Path pinnedCa;
  private final Path publishedCa;
  private final Duration maxSkew;
  private final int maxRequests;
  private final Clock clock;

  KmcService(KmcKeys keys, KmcStore store, KmcSettings settings, Clock clock) {
    this.keys = keys;
    this.store = store;
    this.requests = new KeyRequests(keys, new RestorationBudget(settings.restorationsPerDay()));
    this.pinnedCa = settings.pinnedCaCertificate();
    this.publishedCa = settings.publishedCaCertificate();
    this.maxSkew = settings.maxSkew();
    this.maxRequests = settings.maxRequests();
    this.clock = clock;
  }

  /**
   * Opens the KMC of {@code settings}: its token (created on the first start), its keys and its
   * protocol certificate, over the migrated database behind {@code dataSource}.
   */
  public static KmcService open(
      KmcSettings settings, javax.sql.DataSource dataSource, Clock clock) {
    KmcMigration.migrate(dataSource);
    KmcKeys keys =
        new KmcKeys(
            KmcKeys.openToken(settings.home()),
            settings.home().resolve(KmcKeys.CERTIFICATE_FILE),
            clock.instant());
    return new KmcService(keys, new KmcStore(dataSource), settings, clock);
  }

  /** The KMC's protocol certificate, which the CA pins. */
  public X509CertificateHolder certificate() {
    return keys.certificate();
  }

  /**
   * Handles one DER CARequest.
   *
   * @return the DER KMRespond, signed by the KMC
   * @throws KmcProtocolException when the message is refused as a whole
   * @throws Exception when the database fails (the message had no effect)
   */
  public byte[] handle(byte[] der) throws Exception {
    try {
      Asn1Limits.check(der);
    } catch (MalformedAsn1Exception e) {
      throw new KmcProtocolException(Refusal.MALFORMED, e.getMessage(), e);
    }
    CARequest message = CaRequests.parse(der);
    KSRequest request = message.getKsRequest();
    if (request.getRequestList().size() > maxRequests) {
      throw new KmcProtocolException(
          Refusal.MALFORMED,
          "the CARequest holds "
              + request.getRequestList().size()
              + " requests; at most "
              + maxRequests
              + " are accepted in one message");
    }
    X509CertificateHolder ca = ProtocolCertificates.pinned(pinnedCa, publishedCa);
    EntNames.requireNames(request.getCaName(), ca);
    CaRequests.verify(message, ca.getSubjectPublicKeyInfo());
    Instant now = clock.instant();
    Freshness.check(request.getRequestTime(), now, maxSkew);
    KeyRequests.Task task =
        new KeyRequests.Task(request.getCaName().getEntPubKeyHash(), request.getTaskNo(), now);
    List<Respond> answers =
        store.inTransaction(
            records -> {
              if (!records.acceptTask(
                  task.caKeyHash(), task.taskNo(), request.getRequestTime().plus(maxSkew), now)) {
                throw new KmcProtocolException(
                    Refusal.REPLAYED,
                    "task number " + task.taskNo() + " was already accepted from this CA");
              }
              List<Respond> done = new ArrayList<>();
              for (Request each : request.getRequestList()) {
                done.add(answer(records, task, each));
              }
              return done;
            });
    KSRespond respond = new KSRespond(keys.name(), answers, clock.instant(), request.getTaskNo());
    try {
      return KmResponds.sign(respond, keys.signer()).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Respond answer(KmcStore.Records records, KeyRequests.Task task, Request request)
      throws java.sql.SQLException {
    switch (request.getKind()) {
      case APPLY_KEY:
        return requests.apply(records, task, request.getApplyKeyReq());
      case RESTORE_KEY:
        return requests.restore(records, task, request.getRestoreKeyReq());
      default:
        return requests.revoke(records, task, request.getRevokeKeyReq());
    }
  }
}
