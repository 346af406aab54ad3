package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * GM/T 0014 §5.2.3.1 {@code KSRequest}: what the CA asks of the KMC, the part of a {@link
 * CARequest} the CA signs.
 *
 * <pre>
 * KSRequest ::= SEQUENCE {
 *   version     INTEGER,              -- 1
 *   caName      EntName,              -- the CA, by its certificate
 *   requestList SEQUENCE OF Request,  -- at least one
 *   requestTime GeneralizedTime,      -- when the CA sent it: the KMC refuses stale requests
 *   taskNo      INTEGER }             -- unique per CA: the KMC refuses a repeated one
 * </pre>
 */
public final class KSRequest extends ASN1Object {

  /** The only version there is. */
  public static final int VERSION = 1;

  private final EntName caName;
  private final List<Request> requestList;
  private final Instant requestTime;
  private final BigInteger taskNo;

  /**
   * A request list from a CA. The time is truncated to whole seconds, as GeneralizedTime carries
   * it.
   *
   * @throws IllegalArgumentException when a field is missing, the list is empty, or {@code taskNo}
   *     is not a positive number of at most 20 octets
   */
  public KSRequest(
      EntName caName, List<Request> requestList, Instant requestTime, BigInteger taskNo) {
    this.caName = Der.required(caName, "KSRequest.caName");
    this.requestList = List.copyOf(Der.required(requestList, "KSRequest.requestList"));
    this.requestTime = Der.seconds(Der.required(requestTime, "KSRequest.requestTime"));
    this.taskNo = Der.requireNumber(taskNo, "KSRequest.taskNo");
    if (this.requestList.isEmpty()) {
      throw new IllegalArgumentException("KSRequest.requestList is empty");
    }
  }

  /**
   * A KSRequest from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed KSRequest of version 1
   */
  public static KSRequest getInstance(Object obj) {
    if (obj instanceof KSRequest request) {
      return request;
    }
    ASN1Sequence sequence = Der.sequence(obj, "KSRequest", 5, 5);
    Der.smallInteger(sequence.getObjectAt(0), "KSRequest.version", VERSION, VERSION);
    return new KSRequest(
        EntName.getInstance(sequence.getObjectAt(1)),
        requests(sequence.getObjectAt(2)),
        Der.time(sequence.getObjectAt(3), "KSRequest.requestTime"),
        Der.number(sequence.getObjectAt(4), "KSRequest.taskNo"));
  }

  public int getVersion() {
    return VERSION;
  }

  public EntName getCaName() {
    return caName;
  }

  /** The requests, in order; unmodifiable. */
  public List<Request> getRequestList() {
    return requestList;
  }

  public Instant getRequestTime() {
    return requestTime;
  }

  public BigInteger getTaskNo() {
    return taskNo;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(5);
    fields.add(new ASN1Integer(VERSION));
    fields.add(caName);
    fields.add(new DERSequence(requestList.toArray(new ASN1Encodable[0])));
    fields.add(Der.time(requestTime));
    fields.add(new ASN1Integer(taskNo));
    return new DERSequence(fields);
  }

  private static List<Request> requests(ASN1Encodable field) {
    ASN1Sequence list = Der.sequence(field, "KSRequest.requestList", 1, Integer.MAX_VALUE);
    List<Request> requests = new ArrayList<>(list.size());
    for (ASN1Encodable item : list) {
      requests.add(Request.getInstance(item));
    }
    return requests;
  }
}
