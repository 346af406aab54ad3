package org.egovca.kmc.protocol.asn1;

import org.bouncycastle.asn1.ASN1Choice;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * GM/T 0014 §5.2.3.1 {@code Request}: one item of a {@link KSRequest}'s request list.
 *
 * <pre>
 * Request ::= CHOICE {                 -- IMPLICIT tags
 *   applyKeyReq   [0] ApplyKeyReq,
 *   restoreKeyReq [1] RestoreKeyReq,
 *   revokeKeyReq  [2] RevokeKeyReq }
 * </pre>
 *
 * <p>The tags are implicit: {@code [0]} replaces ApplyKeyReq's SEQUENCE tag ({@code A0 …}), so an
 * explicitly tagged alternative ({@code A0 30 …}) is refused.
 */
public final class Request extends ASN1Object implements ASN1Choice {

  /** The alternatives, with their context tags. */
  public enum Kind {
    APPLY_KEY,
    RESTORE_KEY,
    REVOKE_KEY;

    /** The context tag number of this alternative. */
    public int tagNo() {
      return ordinal();
    }
  }

  private final Kind kind;
  private final ASN1Object value;

  private Request(Kind kind, ASN1Object value) {
    this.kind = kind;
    this.value = Der.required(value, "Request." + kind);
  }

  /** The {@code applyKeyReq [0]} alternative. */
  public static Request applyKey(ApplyKeyReq request) {
    return new Request(Kind.APPLY_KEY, request);
  }

  /** The {@code restoreKeyReq [1]} alternative. */
  public static Request restoreKey(RestoreKeyReq request) {
    return new Request(Kind.RESTORE_KEY, request);
  }

  /** The {@code revokeKeyReq [2]} alternative. */
  public static Request revokeKey(RevokeKeyReq request) {
    return new Request(Kind.REVOKE_KEY, request);
  }

  /**
   * A Request from itself, a context-tagged ASN.1 object, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed Request
   */
  public static Request getInstance(Object obj) {
    if (obj instanceof Request request) {
      return request;
    }
    ASN1TaggedObject tagged = Der.choice(obj, "Request");
    switch (tagged.getTagNo()) {
      case 0:
        return applyKey(ApplyKeyReq.getInstance(content(tagged, "applyKeyReq", 6)));
      case 1:
        return restoreKey(RestoreKeyReq.getInstance(content(tagged, "restoreKeyReq", 5)));
      case 2:
        return revokeKey(RevokeKeyReq.getInstance(content(tagged, "revokeKeyReq", 1)));
      default:
        throw new IllegalArgumentException(
            "Request has no alternative [" + tagged.getTagNo() + "]");
    }
  }

  public Kind getKind() {
    return kind;
  }

  /**
   * The ApplyKeyReq.
   *
   * @throws IllegalStateException when this is another alternative
   */
  public ApplyKeyReq getApplyKeyReq() {
    return (ApplyKeyReq) valueOf(Kind.APPLY_KEY);
  }

  /**
   * The RestoreKeyReq.
   *
   * @throws IllegalStateException when this is another alternative
   */
  public RestoreKeyReq getRestoreKeyReq() {
    return (RestoreKeyReq) valueOf(Kind.RESTORE_KEY);
  }

  /**
   * The RevokeKeyReq.
   *
   * @throws IllegalStateException when this is another alternative
   */
  public RevokeKeyReq getRevokeKeyReq() {
    return (RevokeKeyReq) valueOf(Kind.REVOKE_KEY);
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    return new DERTaggedObject(false, kind.tagNo(), value);
  }

  private ASN1Object valueOf(Kind wanted) {
    if (kind != wanted) {
      throw new IllegalStateException("this Request is " + kind + ", not " + wanted);
    }
    return value;
  }

  private static ASN1Sequence content(ASN1TaggedObject tagged, String name, int size) {
    return Der.implicitSequence(tagged, "Request." + name, size, size);
  }
}
