package org.egovca.ca.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.util.BigIntegers;

/**
 * A PKCS#12 opened with its password by BouncyCastle, as a holder's software would: the MAC is
 * checked first, then the key bag decrypted. Holds what tests look at: the private key, how it was
 * encrypted, the certificates and the MAC's parameters.
 */
public record Pkcs12Contents(
    PrivateKeyInfo privateKey,
    AlgorithmIdentifier keyEncryption,
    List<X509CertificateHolder> certificates,
    AlgorithmIdentifier macDigest,
    BigInteger macIterations) {

  /**
   * Opens {@code pkcs12} with {@code password}.
   *
   * @throws IllegalArgumentException if the MAC does not verify under the password
   */
  public static Pkcs12Contents open(byte[] pkcs12, char[] password) {
    try {
      PKCS12PfxPdu pfx = new PKCS12PfxPdu(pkcs12);
      if (!pfx.hasMac()
          || !pfx.isMacValid(
              new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE),
              password)) {
        throw new IllegalArgumentException("the PKCS#12's MAC does not verify with this password");
      }
      PrivateKeyInfo key = null;
      AlgorithmIdentifier encryption = null;
      List<X509CertificateHolder> certificates = new ArrayList<>();
      for (ContentInfo info : pfx.getContentInfos()) {
        if (!PKCSObjectIdentifiers.data.equals(info.getContentType())) {
          throw new IllegalArgumentException("unexpected content " + info.getContentType());
        }
        for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
          if (bag.getBagValue() instanceof X509CertificateHolder certificate) {
            certificates.add(certificate);
          } else if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo shrouded) {
            encryption = shrouded.getEncryptionAlgorithm();
            key =
                shrouded.decryptPrivateKeyInfo(
                    new JcePKCSPBEInputDecryptorProviderBuilder()
                        .setProvider(TestKeys.BC)
                        .build(password));
          }
        }
      }
      return new Pkcs12Contents(
          key,
          encryption,
          certificates,
          pfx.getMacAlgorithmID(),
          pfx.toASN1Structure().getMacData().getIterationCount());
    } catch (IOException | PKCSException e) {
      throw new IllegalArgumentException("cannot open the PKCS#12", e);
    }
  }

  /** The secret itself: the private scalar of an EC key, the private exponent of an RSA key. */
  public byte[] secret() {
    try {
      if (X9ObjectIdentifiers.id_ecPublicKey.equals(
          privateKey.getPrivateKeyAlgorithm().getAlgorithm())) {
        return BigIntegers.asUnsignedByteArray(
            32,
            org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(privateKey.parsePrivateKey())
                .getKey());
      }
      return BigIntegers.asUnsignedByteArray(
          RSAPrivateKey.getInstance(privateKey.parsePrivateKey()).getPrivateExponent());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the private key signs what the first certificate's public key verifies. */
  public boolean keyMatchesCertificate() {
    try {
      boolean ec =
          X9ObjectIdentifiers.id_ecPublicKey.equals(
              privateKey.getPrivateKeyAlgorithm().getAlgorithm());
      String keyType = ec ? "EC" : "RSA";
      String algorithm = ec ? "SM3withSM2" : "SHA256withRSA";
      KeyFactory keys = KeyFactory.getInstance(keyType, TestKeys.BC);
      PrivateKey key = keys.generatePrivate(new PKCS8EncodedKeySpec(privateKey.getEncoded()));
      byte[] data = "proof of possession".getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(algorithm, TestKeys.BC);
      signer.initSign(key);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm, TestKeys.BC);
      verifier.initVerify(
          keys.generatePublic(
              new X509EncodedKeySpec(certificates.get(0).getSubjectPublicKeyInfo().getEncoded())));
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
