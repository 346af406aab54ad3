package org.egovca.kmc.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.kmc.protocol.EntNames;
import org.egovca.kmc.protocol.KmcCryptoException;
import org.egovca.kmc.protocol.ProtocolCertificates;
import org.egovca.kmc.protocol.asn1.EntName;

/**
 * The KMC's keys, in a crypto token of its own (never the CA's): the escrow key, under which every
 * escrowed private key is enveloped, and the protocol key, with which the KMC signs its answers and
 * which its self-signed protocol certificate describes (its {@code kmName}).
 *
 * <p>The software token in {@code <kmc home>/token} is activated at start from an owner-only PIN
 * file, {@code <kmc home>/secrets/token.pin}: a known limit (README, "Key management centre"),
 * until the KMC token gets a custodian activation of its own.
 */
final class KmcKeys {

  static final String ESCROW_KEY = "kmc-escrow";
  static final String PROTOCOL_KEY = "kmc-protocol";
  static final String CERTIFICATE_FILE = "kmc-protocol.pem";
  static final X500Name SUBJECT = new X500Name("CN=Key Management Centre,OU=KMC,O=iFutureCA,C=CN");

  private static final int CERTIFICATE_YEARS = 10;

  private final CryptoToken token;
  private final X509CertificateHolder certificate;
  private final EntName name;

  /**
   * The keys of {@code token}, made if missing, and the protocol certificate in {@code
   * certificateFile}, made (again) when missing or not for the protocol key.
   */
  KmcKeys(CryptoToken token, Path certificateFile, Instant now) {
    this.token = token;
    ensureKey(ESCROW_KEY);
    PublicKey protocolKey = ensureKey(PROTOCOL_KEY);
    this.certificate = certificate(certificateFile, protocolKey, now);
    this.name = EntNames.of(certificate);
  }

  /** Opens (on the first start: creates) the software token of {@code home}, active. */
  static CryptoToken openToken(Path home) {
    Path directory = home.resolve("token");
    Path pinFile = home.resolve("secrets").resolve("token.pin");
    char[] pin = null;
    try {
      if (!Files.exists(directory.resolve("token.properties"))) {
        pin = newPin(pinFile);
        return SoftwareCryptoToken.initialize("kmc", directory, pin);
      }
      pin = Files.readString(pinFile, StandardCharsets.US_ASCII).strip().toCharArray();
      SoftwareCryptoToken token = SoftwareCryptoToken.open("kmc", directory);
      token.activate(pin);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the KMC token's PIN " + pinFile, e);
    } finally {
      if (pin != null) {
        Arrays.fill(pin, '\0');
      }
    }
  }

  X509CertificateHolder certificate() {
    return certificate;
  }

  /** The KMC's kmName: its protocol certificate's EntName. */
  EntName name() {
    return name;
  }

  ContentSigner signer() {
    return token.contentSigner(PROTOCOL_KEY, SignatureAlgorithm.SM3_WITH_SM2);
  }

  PublicKey escrowKey() {
    return token.publicKey(ESCROW_KEY);
  }

  /** Decrypts an SM2Cipher with the escrow key inside the token (opening an escrowed key). */
  byte[] decryptWithEscrowKey(byte[] sm2Cipher) throws KmcCryptoException {
    try {
      return token.decrypt(ESCROW_KEY, sm2Cipher);
    } catch (CryptoTokenException e) {
      throw new KmcCryptoException("the escrow key does not open the escrowed key", e);
    }
  }

  private PublicKey ensureKey(String alias) {
    return token.containsKey(alias)
        ? token.publicKey(alias)
        : token.generateKeyPair(alias, KeyAlgorithm.SM2_256);
  }

  private X509CertificateHolder certificate(Path file, PublicKey key, Instant now) {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
    try {
      if (Files.exists(file)) {
        X509CertificateHolder existing = ProtocolCertificates.read(file);
        if (existing.getSubjectPublicKeyInfo().equals(info)) {
          return existing;
        }
      }
      X509CertificateHolder made =
          ProtocolCertificates.selfSigned(SUBJECT, key, signer(), now, CERTIFICATE_YEARS);
      ProtocolCertificates.write(file, made);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the KMC certificate " + file, e);
    }
  }

  /** A new random PIN in an owner-only file (or the one an interrupted first start left). */
  private static char[] newPin(Path pinFile) throws IOException {
    if (Files.exists(pinFile)) {
      return Files.readString(pinFile, StandardCharsets.US_ASCII).strip().toCharArray();
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String pin = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.createDirectories(pinFile.getParent());
    Files.writeString(
        Files.createFile(
            pinFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
        pin,
        StandardCharsets.US_ASCII);
    return pin.toCharArray();
  }
}
