package org.egovca.ca.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.crl.CrlContent;
import org.egovca.ca.x509.crl.CrlWriter;
import org.egovca.ca.x509.crl.EntrySource;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * A CA key in its role of CRL issuer: the name, authority key identifier and signature algorithm
 * that its complete and delta CRLs carry, taken from the CA certificate of that key, and the key in
 * the crypto token that signs them.
 */
record CrlIssuer(
    String caName,
    String keyAlias,
    X500Name name,
    byte[] keyIdentifier,
    SignatureAlgorithm algorithm) {

  /** The CA's current key. */
  static CrlIssuer of(CertificateAuthority ca) {
    return of(CertificateAuthorities.asIssuer(ca));
  }

  /** Any key of a CA, current or retired. */
  static CrlIssuer of(IssuingCa key) {
    X509CertificateHolder certificate = key.certificate();
    return new CrlIssuer(
        key.name(),
        key.keyAlias(),
        X500Name.getInstance(certificate.toASN1Structure().getSubject()),
        SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier(),
        SignatureAlgorithm.forKey(key.keyAlgorithm()));
  }

  /** A complete CRL pointing relying parties to the delta CRLs at {@code deltaCrlUrl}. */
  CrlContent complete(long crlNumber, Instant thisUpdate, Instant nextUpdate, String deltaCrlUrl) {
    return CrlContent.full(
        name,
        keyIdentifier,
        BigInteger.valueOf(crlNumber),
        thisUpdate,
        nextUpdate,
        algorithm.algorithmIdentifier(),
        deltaCrlUrl);
  }

  CrlContent delta(long crlNumber, long baseCrlNumber, Instant thisUpdate, Instant nextUpdate) {
    return CrlContent.delta(
        name,
        keyIdentifier,
        BigInteger.valueOf(crlNumber),
        BigInteger.valueOf(baseCrlNumber),
        thisUpdate,
        nextUpdate,
        algorithm.algorithmIdentifier());
  }

  /** The signed DER of the CRL; the entries are streamed, only the result is held. */
  byte[] sign(CrlContent content, EntrySource entries, CryptoToken token) {
    ByteArrayOutputStream crl = new ByteArrayOutputStream();
    try {
      CrlWriter.write(content, entries, token.contentSigner(keyAlias, algorithm), crl);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a CRL of " + caName, e);
    }
    return crl.toByteArray();
  }
}
