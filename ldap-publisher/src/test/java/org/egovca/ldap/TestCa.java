package org.egovca.ldap;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.application.port.PublishedCrl;

/**
 * A small CA for the directory tests and the benchmark: one EC P-256 key, whose signer is reused so
 * that thousands of certificates are quick to make. It issues holder certificates, its own
 * certificate, the link certificates of a key rollover and CRLs of each kind, all described as the
 * CA core hands them to a publisher (subject DNs as the JDK prints them).
 */
public final class TestCa {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** BouncyCastle signs P-256 several times faster than the JDK; passed, never installed. */
  private static final Provider BC = new BouncyCastleProvider();

  /** A fixed point in time, so that CRL thisUpdate follows the CRL number. */
  private static final Instant EPOCH = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private final String caName;
  private final X500Name subject;
  private final KeyPair keys;
  private final ContentSigner signer;
  private final KeyPair holderKeys;
  private final AtomicLong serials = new AtomicLong(RANDOM.nextLong() >>> 2);

  /**
   * @param caName the CA's name, as the CA core calls it
   * @param subjectDn the CA's subject in RFC 4514 form, e.g. {@code
   *     CN=iFutureCA-SM2,O=iFutureCA,C=CN}
   */
  public TestCa(String caName, String subjectDn) {
    this.caName = caName;
    this.subject = name(subjectDn);
    this.keys = newKeyPair();
    this.signer = signer(keys);
    this.holderKeys = newKeyPair();
  }

  /** The same CA after a key rollover: same name and subject, a new key. */
  public TestCa rolledOver() {
    return new TestCa(caName, dn(subject));
  }

  public String caName() {
    return caName;
  }

  public String subjectDn() {
    return dn(subject);
  }

  /** The CA's self-signed certificate. */
  public PublishedCertificate caCertificate() {
    return certificate(subject, keys.getPublic(), true);
  }

  /**
   * A link certificate of a key rollover: {@code other}'s key certified by this CA, so {@code
   * old.linkCertificate(new)} is NewWithOld and {@code new.linkCertificate(old)} is OldWithNew. Its
   * subject is the CA's own, so it goes on the CA's entry.
   */
  public PublishedCertificate linkCertificate(TestCa other) {
    return certificate(other.subject, other.keys.getPublic(), true);
  }

  /** A holder certificate for {@code subjectDn} (all share one holder key, for speed). */
  public PublishedCertificate issue(String subjectDn) {
    return certificate(name(subjectDn), holderKeys.getPublic(), false);
  }

  /** A CRL of {@code kind} with CRL number {@code number}, thisUpdate growing with the number. */
  public PublishedCrl crl(PublishedCrl.Kind kind, long number) {
    Instant thisUpdate = EPOCH.plusSeconds(number);
    X509v2CRLBuilder builder = new X509v2CRLBuilder(subject, Date.from(thisUpdate));
    builder.setNextUpdate(Date.from(thisUpdate.plus(1, ChronoUnit.DAYS)));
    builder.addCRLEntry(BigInteger.valueOf(number), Date.from(thisUpdate), 0);
    try {
      builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(number));
      if (kind == PublishedCrl.Kind.DELTA) {
        builder.addExtension(Extension.deltaCRLIndicator, true, new ASN1Integer(number - 1));
      }
      byte[] encoded = sign(builder);
      return new PublishedCrl(caName, dn(subject), BigInteger.valueOf(number), kind, encoded);
    } catch (CertIOException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] sign(X509v2CRLBuilder builder) {
    try {
      synchronized (signer) {
        return builder.build(signer).getEncoded();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private PublishedCertificate certificate(X500Name holder, PublicKey key, boolean ca) {
    BigInteger serial = BigInteger.valueOf(serials.incrementAndGet());
    Instant now = Instant.now();
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              serial,
              Date.from(now.minus(1, ChronoUnit.MINUTES)),
              Date.from(now.plus(1, ChronoUnit.DAYS)),
              holder,
              key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      X509CertificateHolder signed;
      synchronized (signer) {
        signed = builder.build(signer);
      }
      return new PublishedCertificate(caName, dn(holder), serial, signed.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parsed as RFC 4514 (most specific RDN first) and encoded root first, as a CA does. */
  private static X500Name name(String dn) {
    return X500Name.getInstance(new X500Principal(dn).getEncoded());
  }

  private static String dn(X500Name name) {
    try {
      return new X500Principal(name.getEncoded()).getName();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ContentSigner signer(KeyPair keys) {
    try {
      return new JcaContentSignerBuilder("SHA256withECDSA")
          .setProvider(BC)
          .build(keys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
