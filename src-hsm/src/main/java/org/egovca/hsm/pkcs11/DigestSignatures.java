package org.egovca.hsm.pkcs11;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.SignatureAlgorithm;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Signatures over a SHA-256 digest computed in Java: the module gets the digest, not the data, so a
 * CRL of any size costs one short call and no copy (the same split an SDF device's
 * SDF_InternalSign_ECC needs for SM2). RSA signs the DER DigestInfo with {@code CKM_RSA_PKCS},
 * which is exactly RSASSA-PKCS1-v1_5 with SHA-256; ECDSA signs the digest with {@code CKM_ECDSA},
 * whose raw {@code r || s} becomes the DER {@code SEQUENCE {r, s}} X.509 carries.
 */
final class DigestSignatures {
  private static final AlgorithmIdentifier SHA256 =
      new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);

  private DigestSignatures() {}

  /** A fresh SHA-256 digest for the content of a signature. */
  static SHA256Digest newDigest() {
    return new SHA256Digest();
  }

  /** The SHA-256 digest of {@code data}. */
  static byte[] digest(byte[] data) {
    SHA256Digest digest = newDigest();
    digest.update(data, 0, data.length);
    return finish(digest);
  }

  static byte[] finish(SHA256Digest digest) {
    byte[] value = new byte[digest.getDigestSize()];
    digest.doFinal(value, 0);
    return value;
  }

  /** Signs {@code digest} with the private key {@code key} in {@code session}. */
  static byte[] sign(
      PKCS11 library, long session, long key, SignatureAlgorithm algorithm, byte[] digest)
      throws PKCS11Exception {
    if (algorithm == SignatureAlgorithm.SHA256_WITH_RSA) {
      library.C_SignInit(session, new CK_MECHANISM(CKM_RSA_PKCS), key);
      return library.C_Sign(session, digestInfo(digest));
    }
    if (algorithm == SignatureAlgorithm.SHA256_WITH_ECDSA) {
      library.C_SignInit(session, new CK_MECHANISM(CKM_ECDSA), key);
      return derSignature(library.C_Sign(session, digest));
    }
    throw new IllegalArgumentException(algorithm.jcaName() + " is not made by a PKCS#11 token");
  }

  private static byte[] digestInfo(byte[] digest) {
    try {
      return new DigestInfo(SHA256, digest).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new CryptoTokenException("cannot encode a DigestInfo", e);
    }
  }

  private static byte[] derSignature(byte[] rs) {
    int half = rs.length / 2;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, half));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length));
    try {
      return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new CryptoTokenException("cannot encode an ECDSA signature", e);
    }
  }
}
