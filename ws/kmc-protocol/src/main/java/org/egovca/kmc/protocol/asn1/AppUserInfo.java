package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * GM/T 0014 §5.2.3.2 {@code AppUserInfo}: the holder for whom the CA asks the KMC for an encryption
 * key pair.
 *
 * <pre>
 * AppUserInfo ::= SEQUENCE {
 *   userCertNo INTEGER,              -- serial number of the ENCRYPTION certificate, allocated by the CA
 *   userPubKey SubjectPublicKeyInfo, -- the holder's SIGNING public key: the envelope is made to it
 *   notBefore  GeneralizedTime,      -- validity of the key = validity of the encryption certificate
 *   notAfter   GeneralizedTime,
 *   userName   OCTET STRING,
 *   dsCode     OCTET STRING OPTIONAL,   -- region code
 *   extendInfo OCTET STRING OPTIONAL }
 * </pre>
 *
 * <p>The two optional fields are untagged OCTET STRINGs, so they cannot be told apart by type: a
 * single optional field present is {@code dsCode}, and {@code extendInfo} can only be sent together
 * with a {@code dsCode}. The octets of {@code userName} and {@code dsCode} are opaque to the
 * protocol; this project sends UTF-8 text.
 */
public final class AppUserInfo extends ASN1Object {

  private final BigInteger userCertNo;
  private final SubjectPublicKeyInfo userPubKey;
  private final Instant notBefore;
  private final Instant notAfter;
  private final byte[] userName;
  private final byte[] dsCode;
  private final byte[] extendInfo;

  /**
   * The holder's information. Times are truncated to whole seconds, as GeneralizedTime carries
   * them.
   *
   * @param dsCode the region code, or null
   * @param extendInfo further information, or null; needs a {@code dsCode}
   * @throws IllegalArgumentException when a required field is missing, {@code userCertNo} is not a
   *     positive number of at most 20 octets, notAfter is not after notBefore, or extendInfo comes
   *     without dsCode
   */
  public AppUserInfo(
      BigInteger userCertNo,
      SubjectPublicKeyInfo userPubKey,
      Instant notBefore,
      Instant notAfter,
      byte[] userName,
      byte[] dsCode,
      byte[] extendInfo) {
    this.userCertNo = Der.requireNumber(userCertNo, "AppUserInfo.userCertNo");
    this.userPubKey = Der.required(userPubKey, "AppUserInfo.userPubKey");
    this.notBefore = Der.seconds(Der.required(notBefore, "AppUserInfo.notBefore"));
    this.notAfter = Der.seconds(Der.required(notAfter, "AppUserInfo.notAfter"));
    this.userName = Der.copy(userName, "AppUserInfo.userName");
    this.dsCode = dsCode == null ? null : dsCode.clone();
    this.extendInfo = extendInfo == null ? null : extendInfo.clone();
    if (!this.notAfter.isAfter(this.notBefore)) {
      throw new IllegalArgumentException("AppUserInfo.notAfter must be after notBefore");
    }
    if (extendInfo != null && dsCode == null) {
      throw new IllegalArgumentException(
          "AppUserInfo.extendInfo needs a dsCode: a lone optional field is read as dsCode");
    }
  }

  private AppUserInfo(ASN1Sequence sequence) {
    this(
        Der.number(sequence.getObjectAt(0), "AppUserInfo.userCertNo"),
        Der.publicKey(sequence.getObjectAt(1), "AppUserInfo.userPubKey"),
        Der.time(sequence.getObjectAt(2), "AppUserInfo.notBefore"),
        Der.time(sequence.getObjectAt(3), "AppUserInfo.notAfter"),
        Der.octets(sequence.getObjectAt(4), "AppUserInfo.userName"),
        sequence.size() > 5 ? Der.octets(sequence.getObjectAt(5), "AppUserInfo.dsCode") : null,
        sequence.size() > 6 ? Der.octets(sequence.getObjectAt(6), "AppUserInfo.extendInfo") : null);
  }

  /**
   * An AppUserInfo from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed AppUserInfo
   */
  public static AppUserInfo getInstance(Object obj) {
    if (obj instanceof AppUserInfo info) {
      return info;
    }
    return new AppUserInfo(Der.sequence(obj, "AppUserInfo", 5, 7));
  }

  public BigInteger getUserCertNo() {
    return userCertNo;
  }

  public SubjectPublicKeyInfo getUserPubKey() {
    return userPubKey;
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  public Instant getNotAfter() {
    return notAfter;
  }

  public byte[] getUserName() {
    return userName.clone();
  }

  public Optional<byte[]> getDsCode() {
    return Optional.ofNullable(dsCode).map(byte[]::clone);
  }

  public Optional<byte[]> getExtendInfo() {
    return Optional.ofNullable(extendInfo).map(byte[]::clone);
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(7);
    fields.add(new ASN1Integer(userCertNo));
    fields.add(userPubKey);
    fields.add(Der.time(notBefore));
    fields.add(Der.time(notAfter));
    fields.add(new DEROctetString(userName));
    if (dsCode != null) {
      fields.add(new DEROctetString(dsCode));
    }
    if (extendInfo != null) {
      fields.add(new DEROctetString(extendInfo));
    }
    return new DERSequence(fields);
  }
}
