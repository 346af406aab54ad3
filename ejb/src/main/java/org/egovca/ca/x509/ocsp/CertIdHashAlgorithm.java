package org.egovca.ca.x509.ocsp;

import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Hash algorithms accepted in a request's CertID. SHA-1 is what RFC 5019 clients and OpenSSL send
 * by default; SM3 is what GM/T clients send; SHA-256 costs nothing extra and some clients use it.
 * The lightweight BouncyCastle digests are used so that no JCA provider look-up is involved.
 */
enum CertIdHashAlgorithm {
  SHA1(OIWObjectIdentifiers.idSHA1, SHA1Digest::new),
  SHA256(NISTObjectIdentifiers.id_sha256, SHA256Digest::new),
  SM3(GMObjectIdentifiers.sm3, SM3Digest::new);

  private final ASN1ObjectIdentifier oid;
  private final Supplier<Digest> digest;

  CertIdHashAlgorithm(ASN1ObjectIdentifier oid, Supplier<Digest> digest) {
    this.oid = oid;
    this.digest = digest;
  }

  /** The algorithm a CertID's hashAlgorithm names, parameters ignored (NULL or absent). */
  static Optional<CertIdHashAlgorithm> of(ASN1ObjectIdentifier oid) {
    for (CertIdHashAlgorithm algorithm : values()) {
      if (algorithm.oid.equals(oid)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  byte[] hash(byte[] data) {
    Digest d = digest.get();
    d.update(data, 0, data.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
