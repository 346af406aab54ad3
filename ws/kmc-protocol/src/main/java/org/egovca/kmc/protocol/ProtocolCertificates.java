package org.egovca.kmc.protocol;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;

/**
 * The certificates that name the two ends of the protocol (their {@code EntName}s and the keys
 * their messages are verified with), and how each end pins the other's.
 *
 * <p>Each end signs with a protocol key of its own, in its own crypto token, and describes it in a
 * self-signed SM2 certificate ({@link #selfSigned}): digitalSignature only, no CA. The trust is
 * pinned, not derived from a chain: each end keeps the other's certificate in a file of its own
 * directory ({@link #pinned}) and accepts messages signed with that key alone. On the first use the
 * file is copied from where the other end publishes its certificate (the same data directory when
 * both run in one server); from then on only the pinned copy counts, so a certificate published
 * later does not replace it. On separate servers the operator copies the certificate.
 */
public final class ProtocolCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ProtocolCertificates() {}

  /** A self-signed SM2 certificate of {@code key} for {@code subject}, valid for {@code years}. */
  public static X509CertificateHolder selfSigned(
      X500Name subject, PublicKey key, ContentSigner signer, Instant now, int years) {
    Instant notBefore = now.minus(Duration.ofMinutes(5));
    Instant notAfter = now.plus(Duration.ofDays(365L * years));
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            subject,
            new BigInteger(63, RANDOM).add(BigInteger.ONE),
            Date.from(notBefore),
            Date.from(notAfter),
            subject,
            SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    } catch (CertIOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build(signer);
  }

  /** The PEM text of {@code certificate}. */
  public static String pem(X509CertificateHolder certificate) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * Reads the one certificate in a PEM file.
   *
   * @throws IOException when the file cannot be read or holds no certificate
   */
  public static X509CertificateHolder read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object object = parser.readObject();
      if (object instanceof X509CertificateHolder certificate) {
        return certificate;
      }
      throw new IOException(file + " holds no PEM certificate");
    }
  }

  /** Writes {@code certificate} as PEM to {@code file}, owner-only, replacing it atomically. */
  public static void write(Path file, X509CertificateHolder certificate) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp =
        Files.createTempFile(
            file.getParent(),
            ".protocol",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, pem(certificate), StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * The other end's pinned certificate: {@code pinnedFile} if it exists; otherwise, on the first
   * use, the certificate at {@code publishedFile}, which is then pinned by copying it to {@code
   * pinnedFile}.
   *
   * @throws KmcProtocolException UNKNOWN_SENDER naming both files when neither holds a certificate
   */
  public static X509CertificateHolder pinned(Path pinnedFile, Path publishedFile)
      throws KmcProtocolException {
    try {
      if (Files.exists(pinnedFile)) {
        return read(pinnedFile);
      }
      if (publishedFile == null || !Files.exists(publishedFile)) {
        throw new KmcProtocolException(
            Refusal.UNKNOWN_SENDER,
            "no certificate of the other end is pinned in "
                + pinnedFile
                + (publishedFile == null ? "" : " and none is published at " + publishedFile)
                + ": copy the other end's protocol certificate there");
      }
      X509CertificateHolder certificate = read(publishedFile);
      write(pinnedFile, certificate);
      return certificate;
    } catch (IOException e) {
      throw new KmcProtocolException(
          Refusal.UNKNOWN_SENDER,
          "the pinned certificate of the other end cannot be read: " + e.getMessage(),
          e);
    }
  }
}
