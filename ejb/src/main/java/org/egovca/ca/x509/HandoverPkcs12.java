package org.egovca.ca.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The password-protected PKCS#12 (RFC 7292) in which a signing key pair the CA generated on request
 * is handed to its holder (CPS §6.1.4.10.1): the private key in a shrouded key bag, the holder's
 * certificate and the CA certificates above it in clear (they are public), and a MAC over all.
 *
 * <p>The key is encrypted with PBES2 (RFC 8018): PBKDF2 with HMAC-SHA256 and {@value #ITERATIONS}
 * iterations over a 16-byte random salt, then AES-256-CBC — never the legacy 3DES or RC2 PKCS#12
 * schemes. The MAC is HMAC-SHA256 under the PKCS#12 key derivation with as many iterations: a MAC
 * that is cheap to check would let an attacker guess the password against it instead. OpenSSL 3,
 * BouncyCastle and current Windows and browsers read this form. The key bag and the holder's
 * certificate share a localKeyId (the certificate's key identifier) and a friendlyName, so tools
 * pair them.
 */
public final class HandoverPkcs12 {

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, as the software token uses for its PIN. */
  public static final int ITERATIONS = 600_000;

  private HandoverPkcs12() {}

  /**
   * The PKCS#12 of {@code privateKeyInfo} (DER PKCS#8) and {@code certificates} (DER, the holder's
   * first, then its CA's up to the root) under {@code password}. The caller keeps and clears both
   * the key and the password.
   */
  public static byte[] build(
      byte[] privateKeyInfo, List<byte[]> certificates, String friendlyName, char[] password) {
    Objects.requireNonNull(password, "password");
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("a PKCS#12 for a holder needs the holder's certificate");
    }
    try {
      X509CertificateHolder holder = new X509CertificateHolder(certificates.get(0));
      SubjectKeyIdentifier keyId =
          new BcX509ExtensionUtils().createSubjectKeyIdentifier(holder.getSubjectPublicKeyInfo());
      DERBMPString name = new DERBMPString(friendlyName);

      PKCS12SafeBagBuilder keyBag =
          new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(privateKeyInfo), encryptor(password));
      keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
      keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);

      PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
      PKCS12SafeBagBuilder holderBag = new PKCS12SafeBagBuilder(holder);
      holderBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
      holderBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
      pfx.addData(holderBag.build());
      for (byte[] caCertificate : certificates.subList(1, certificates.size())) {
        pfx.addData(new PKCS12SafeBagBuilder(new X509CertificateHolder(caCertificate)).build());
      }
      pfx.addData(keyBag.build());
      return pfx.build(mac(), password).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the PKCS#12", e);
    } catch (PKCSException e) {
      throw new IllegalStateException("cannot build the PKCS#12", e);
    }
  }

  private static OutputEncryptor encryptor(char[] password) {
    try {
      return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
          .setPRF(
              new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
          .setIterationCount(ITERATIONS)
          .setProvider(BouncyCastle.provider())
          .build(password);
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("PBES2 with AES-256-CBC is unavailable", e);
    }
  }

  private static BcPKCS12MacCalculatorBuilder mac() {
    return new BcPKCS12MacCalculatorBuilder(
            new SHA256Digest(),
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
        .setIterationCount(ITERATIONS);
  }
}
