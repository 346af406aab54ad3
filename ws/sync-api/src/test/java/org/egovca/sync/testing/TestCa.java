package org.egovca.sync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.sync.SyncSignerCertificates;

/**
 * A CA for tests: an SM2 or RSA key, a self-signed CA certificate, the CA's {@link ContentSigner},
 * its sync signer, and certificates and CRLs it issues. SM2 keys use BouncyCastle's custom
 * sm2p256v1 curve (fast arithmetic) with the named-curve OID in the certificate, like the CA's
 * crypto token.
 */
public final class TestCa {

  /** A private BouncyCastle provider instance; never registered with the JVM. */
  public static final Provider BC = new BouncyCastleProvider();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String algorithm;
  private final X500Name name;
  private final KeyPair keys;
  private final X509CertificateHolder certificate;
  private final ContentSigner signer;
  private Signer syncSigner;

  private TestCa(String algorithm, X500Name name, KeyPair keys, BigInteger serial) {
    this.algorithm = algorithm;
    this.name = name;
    this.keys = keys;
    this.signer = signer(algorithm, keys);
    Instant now = Instant.now();
    try {
      this.certificate =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial,
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(3650))),
                  name,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
              .build(signer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An SM2 CA signing with SM3withSM2. */
  public static TestCa sm2(String commonName) {
    return new TestCa("SM3withSM2", dn(commonName), sm2Keys(), randomSerial());
  }

  /** An RSA-2048 CA signing with SHA256withRSA. */
  public static TestCa rsa(String commonName) {
    return new TestCa("SHA256withRSA", dn(commonName), rsaKeys(), randomSerial());
  }

  /**
   * A self-signed impostor: the same DN, algorithm and serial number as this CA, another key. Only
   * the key tells them apart.
   */
  public TestCa impostor() {
    KeyPair otherKeys = algorithm.equals("SM3withSM2") ? sm2Keys() : rsaKeys();
    return new TestCa(algorithm, name, otherKeys, certificate.getSerialNumber());
  }

  /**
   * The next key of this CA (as after a key rollover): same DN, new key, new self-signed
   * certificate.
   */
  public TestCa nextKey() {
    KeyPair otherKeys = algorithm.equals("SM3withSM2") ? sm2Keys() : rsaKeys();
    return new TestCa(algorithm, name, otherKeys, randomSerial());
  }

  public X509CertificateHolder certificate() {
    return certificate;
  }

  /** The signer of the CA's own certificate-signing key, which must never sign sync messages. */
  public ContentSigner signer() {
    return signer;
  }

  /** The CA's key with the CA certificate, as a sync signature would carry them if it signed. */
  public Signer caKeySigner() {
    return new Signer(signer, certificate);
  }

  /**
   * The CA's sync signer: a key of the CA's algorithm with a certificate from this CA carrying the
   * sync signing extended key usage, valid for 30 days from yesterday. The same for every call.
   */
  public synchronized Signer syncSigner() {
    if (syncSigner == null) {
      Instant now = Instant.now();
      syncSigner =
          endEntitySigner(
              "CN=" + name.getRDNs(BCStyle.CN)[0].getFirst().getValue() + " Sync Signer",
              now.minus(Duration.ofDays(1)),
              now.plus(Duration.ofDays(30)),
              true);
    }
    return syncSigner;
  }

  /**
   * A signer with a fresh key and an end-entity certificate from this CA with keyUsage
   * digitalSignature, with or without the sync signing extended key usage (without it, a holder's
   * signing certificate).
   */
  public Signer endEntitySigner(
      String subjectDn, Instant notBefore, Instant notAfter, boolean syncSigning) {
    KeyPair holderKeys = algorithm.equals("SM3withSM2") ? sm2Keys() : rsaKeys();
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              randomSerial(),
              Date.from(notBefore),
              Date.from(notAfter),
              new X500Name(subjectDn),
              holderKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      if (syncSigning) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(SyncSignerCertificates.KEY_PURPOSE));
      }
      return new Signer(signer(algorithm, holderKeys), builder.build(signer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key's signer and the certificate that a sync signature carries for it. */
  public record Signer(ContentSigner contentSigner, X509CertificateHolder certificate) {}

  /** An end-entity certificate this CA issues for a fresh key of its own algorithm, DER. */
  public byte[] issue(String subjectDn, BigInteger serial, Instant notBefore, Instant notAfter) {
    KeyPair holderKeys = algorithm.equals("SM3withSM2") ? sm2Keys() : rsaKeys();
    try {
      return new JcaX509v3CertificateBuilder(
              name,
              serial,
              Date.from(notBefore),
              Date.from(notAfter),
              new X500Name(subjectDn),
              holderKeys.getPublic())
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .build(signer)
          .getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CRL of this CA with one revoked serial, DER. */
  public byte[] crl(
      BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, BigInteger revoked) {
    try {
      X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(thisUpdate));
      builder.setNextUpdate(Date.from(nextUpdate));
      builder.addCRLEntry(revoked, Date.from(thisUpdate), CRLReason.keyCompromise);
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
      return builder.build(signer).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X500Name dn(String commonName) {
    return new X500Name("CN=" + commonName + ",O=e-Gov CA test,C=CN");
  }

  private static BigInteger randomSerial() {
    return new BigInteger(64, RANDOM).add(BigInteger.ONE);
  }

  private static KeyPair sm2Keys() {
    X9ECParameters curve = CustomNamedCurves.getByName("sm2p256v1");
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(
          new ECNamedCurveParameterSpec(
              "sm2p256v1", curve.getCurve(), curve.getG(), curve.getN(), curve.getH()),
          RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ContentSigner signer(String algorithm, KeyPair keys) {
    try {
      return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(keys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
