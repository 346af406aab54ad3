package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * GM/T 0014 {@code EntName}: who sent a request or response, the CA ({@code caName}) or the KMC
 * ({@code kmName}), named by its certificate.
 *
 * <pre>
 * EntName ::= SEQUENCE {
 *   hashAlgorithm AlgorithmIdentifier,   -- SM3
 *   entName       GeneralName,           -- [4] directoryName: the certificate's subject
 *   entPubKeyHash OCTET STRING,          -- hash of the certificate's public key
 *   serialNumber  INTEGER }              -- the certificate's serial number
 * </pre>
 *
 * <p>GeneralName is a CHOICE; only {@code directoryName} is accepted, since a CA and a KMC are
 * named by their certificates' subjects. What {@code entPubKeyHash} hashes is not spelled out in
 * the reconstructed text; this project hashes the subjectPublicKey BIT STRING's content (04‖X‖Y),
 * as RFC 5280 §4.2.1.2 method (1) does for a key identifier and OCSP for {@code issuerKeyHash}.
 */
public final class EntName extends ASN1Object {

  private static final int MAX_HASH_OCTETS = 64;

  private final AlgorithmIdentifier hashAlgorithm;
  private final X500Name entName;
  private final byte[] entPubKeyHash;
  private final BigInteger serialNumber;

  /**
   * An entity name.
   *
   * @throws IllegalArgumentException when a field is missing, the hash is empty or longer than 64
   *     octets, or the serial number is not positive or longer than 20 octets
   */
  public EntName(
      AlgorithmIdentifier hashAlgorithm,
      X500Name entName,
      byte[] entPubKeyHash,
      BigInteger serialNumber) {
    this.hashAlgorithm = Der.required(hashAlgorithm, "EntName.hashAlgorithm");
    this.entName = Der.required(entName, "EntName.entName");
    this.entPubKeyHash = checkHash(Der.copy(entPubKeyHash, "EntName.entPubKeyHash"));
    this.serialNumber = Der.requireNumber(serialNumber, "EntName.serialNumber");
  }

  private EntName(ASN1Sequence sequence) {
    this(
        Der.algorithm(sequence.getObjectAt(0), "EntName.hashAlgorithm"),
        directoryName(sequence.getObjectAt(1).toASN1Primitive()),
        Der.octets(sequence.getObjectAt(2), "EntName.entPubKeyHash"),
        Der.number(sequence.getObjectAt(3), "EntName.serialNumber"));
  }

  /**
   * An EntName from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed EntName
   */
  public static EntName getInstance(Object obj) {
    if (obj instanceof EntName name) {
      return name;
    }
    return new EntName(Der.sequence(obj, "EntName", 4, 4));
  }

  public AlgorithmIdentifier getHashAlgorithm() {
    return hashAlgorithm;
  }

  /** The directoryName in {@code entName}. */
  public X500Name getEntName() {
    return entName;
  }

  public byte[] getEntPubKeyHash() {
    return entPubKeyHash.clone();
  }

  public BigInteger getSerialNumber() {
    return serialNumber;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(4);
    fields.add(hashAlgorithm);
    fields.add(new GeneralName(entName));
    fields.add(new DEROctetString(entPubKeyHash));
    fields.add(new ASN1Integer(serialNumber));
    return new DERSequence(fields);
  }

  private static X500Name directoryName(ASN1Primitive field) {
    if (!(field instanceof ASN1TaggedObject tagged)
        || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC
        || tagged.getTagNo() != GeneralName.directoryName
        || !tagged.isExplicit()) {
      throw new IllegalArgumentException("EntName.entName must be a [4] directoryName");
    }
    try {
      return X500Name.getInstance(tagged.getExplicitBaseObject());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("EntName.entName is not a distinguished name", e);
    }
  }

  private static byte[] checkHash(byte[] hash) {
    if (hash.length == 0 || hash.length > MAX_HASH_OCTETS) {
      throw new IllegalArgumentException(
          "EntName.entPubKeyHash must hold 1 to " + MAX_HASH_OCTETS + " octets");
    }
    return hash;
  }
}
