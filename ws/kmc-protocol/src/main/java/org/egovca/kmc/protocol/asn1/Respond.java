package org.egovca.kmc.protocol.asn1;

import org.bouncycastle.asn1.ASN1Choice;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * GM/T 0014 {@code Respond}: one item of a {@link KSRespond}'s respond list, answering the request
 * at the same position of the {@link KSRequest}.
 *
 * <pre>
 * Respond ::= CHOICE {                       -- IMPLICIT tags
 *   retKeyRespond    [0] RetKeyRespond,      -- answers applyKeyReq
 *   retRestoreKey    [1] RetKeyRespond,      -- answers restoreKeyReq
 *   revokeKeyRespond [2] RevokeKeyRespond,   -- answers revokeKeyReq
 *   errorPkgRespond  [3] ErrorPkgRespond }   -- answers any request the KMC could not carry out
 * </pre>
 */
public final class Respond extends ASN1Object implements ASN1Choice {

  /** The alternatives, with their context tags. */
  public enum Kind {
    RET_KEY,
    RET_RESTORE_KEY,
    REVOKE_KEY,
    ERROR_PKG;

    /** The context tag number of this alternative. */
    public int tagNo() {
      return ordinal();
    }
  }

  private final Kind kind;
  private final ASN1Object value;

  private Respond(Kind kind, ASN1Object value) {
    this.kind = kind;
    this.value = Der.required(value, "Respond." + kind);
  }

  /** The {@code retKeyRespond [0]} alternative: a new key pair. */
  public static Respond retKey(RetKeyRespond respond) {
    return new Respond(Kind.RET_KEY, respond);
  }

  /** The {@code retRestoreKey [1]} alternative: an escrowed key pair, enveloped anew. */
  public static Respond retRestoreKey(RetKeyRespond respond) {
    return new Respond(Kind.RET_RESTORE_KEY, respond);
  }

  /** The {@code revokeKeyRespond [2]} alternative. */
  public static Respond revokeKey(RevokeKeyRespond respond) {
    return new Respond(Kind.REVOKE_KEY, respond);
  }

  /** The {@code errorPkgRespond [3]} alternative. */
  public static Respond errorPkg(ErrorPkgRespond respond) {
    return new Respond(Kind.ERROR_PKG, respond);
  }

  /**
   * A Respond from itself, a context-tagged ASN.1 object, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed Respond
   */
  public static Respond getInstance(Object obj) {
    if (obj instanceof Respond respond) {
      return respond;
    }
    ASN1TaggedObject tagged = Der.choice(obj, "Respond");
    switch (tagged.getTagNo()) {
      case 0:
        return retKey(RetKeyRespond.getInstance(content(tagged, "retKeyRespond", 3, 3)));
      case 1:
        return retRestoreKey(RetKeyRespond.getInstance(content(tagged, "retRestoreKey", 3, 3)));
      case 2:
        return revokeKey(RevokeKeyRespond.getInstance(content(tagged, "revokeKeyRespond", 1, 1)));
      case 3:
        return errorPkg(ErrorPkgRespond.getInstance(content(tagged, "errorPkgRespond", 1, 2)));
      default:
        throw new IllegalArgumentException(
            "Respond has no alternative [" + tagged.getTagNo() + "]");
    }
  }

  public Kind getKind() {
    return kind;
  }

  /**
   * The RetKeyRespond of a {@code retKeyRespond [0]} or {@code retRestoreKey [1]}.
   *
   * @throws IllegalStateException when this is another alternative
   */
  public RetKeyRespond getRetKeyRespond() {
    if (kind != Kind.RET_KEY && kind != Kind.RET_RESTORE_KEY) {
      throw new IllegalStateException("this Respond is " + kind + ", not a RetKeyRespond");
    }
    return (RetKeyRespond) value;
  }

  /**
   * The RevokeKeyRespond.
   *
   * @throws IllegalStateException when this is another alternative
   */
  public RevokeKeyRespond getRevokeKeyRespond() {
    return (RevokeKeyRespond) valueOf(Kind.REVOKE_KEY);
  }

  /**
   * The ErrorPkgRespond.
   *
   * @throws IllegalStateException when this is another alternative
   */
  public ErrorPkgRespond getErrorPkgRespond() {
    return (ErrorPkgRespond) valueOf(Kind.ERROR_PKG);
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    return new DERTaggedObject(false, kind.tagNo(), value);
  }

  private ASN1Object valueOf(Kind wanted) {
    if (kind != wanted) {
      throw new IllegalStateException("this Respond is " + kind + ", not " + wanted);
    }
    return value;
  }

  private static ASN1Sequence content(ASN1TaggedObject tagged, String name, int min, int max) {
    return Der.implicitSequence(tagged, "Respond." + name, min, max);
  }
}
