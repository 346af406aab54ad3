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
 * GM/T 0014 {@code KSRespond}: the KMC's answers, the part of a {@link KMRespond} the KMC signs.
 *
 * <pre>
 * KSRespond ::= SEQUENCE {
 *   version     INTEGER,              -- 1
 *   kmName      EntName,              -- the KMC, by its certificate
 *   respondList SEQUENCE OF Respond,  -- one per request, in the order of the request list
 *   respondTime GeneralizedTime,      -- when the KMC answered
 *   taskNo      INTEGER }             -- the taskNo of the KSRequest answered
 * </pre>
 */
public final class KSRespond extends ASN1Object {

  /** The only version there is. */
  public static final int VERSION = 1;

  private final EntName kmName;
  private final List<Respond> respondList;
  private final Instant respondTime;
  private final BigInteger taskNo;

  /**
   * A respond list from the KMC. The time is truncated to whole seconds, as GeneralizedTime carries
   * it.
   *
   * @throws IllegalArgumentException when a field is missing, the list is empty, or {@code taskNo}
   *     is not a positive number of at most 20 octets
   */
  public KSRespond(
      EntName kmName, List<Respond> respondList, Instant respondTime, BigInteger taskNo) {
    this.kmName = Der.required(kmName, "KSRespond.kmName");
    this.respondList = List.copyOf(Der.required(respondList, "KSRespond.respondList"));
    this.respondTime = Der.seconds(Der.required(respondTime, "KSRespond.respondTime"));
    this.taskNo = Der.requireNumber(taskNo, "KSRespond.taskNo");
    if (this.respondList.isEmpty()) {
      throw new IllegalArgumentException("KSRespond.respondList is empty");
    }
  }

  /**
   * A KSRespond from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed KSRespond of version 1
   */
  public static KSRespond getInstance(Object obj) {
    if (obj instanceof KSRespond respond) {
      return respond;
    }
    ASN1Sequence sequence = Der.sequence(obj, "KSRespond", 5, 5);
    Der.smallInteger(sequence.getObjectAt(0), "KSRespond.version", VERSION, VERSION);
    return new KSRespond(
        EntName.getInstance(sequence.getObjectAt(1)),
        responds(sequence.getObjectAt(2)),
        Der.time(sequence.getObjectAt(3), "KSRespond.respondTime"),
        Der.number(sequence.getObjectAt(4), "KSRespond.taskNo"));
  }

  public int getVersion() {
    return VERSION;
  }

  public EntName getKmName() {
    return kmName;
  }

  /** The answers, in the order of the requests; unmodifiable. */
  public List<Respond> getRespondList() {
    return respondList;
  }

  public Instant getRespondTime() {
    return respondTime;
  }

  public BigInteger getTaskNo() {
    return taskNo;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(5);
    fields.add(new ASN1Integer(VERSION));
    fields.add(kmName);
    fields.add(new DERSequence(respondList.toArray(new ASN1Encodable[0])));
    fields.add(Der.time(respondTime));
    fields.add(new ASN1Integer(taskNo));
    return new DERSequence(fields);
  }

  private static List<Respond> responds(ASN1Encodable field) {
    ASN1Sequence list = Der.sequence(field, "KSRespond.respondList", 1, Integer.MAX_VALUE);
    List<Respond> responds = new ArrayList<>(list.size());
    for (ASN1Encodable item : list) {
      responds.add(Respond.getInstance(item));
    }
    return responds;
  }
}
