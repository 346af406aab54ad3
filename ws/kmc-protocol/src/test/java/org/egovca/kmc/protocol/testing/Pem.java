package org.egovca.kmc.protocol.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text and PEM files, for parsers under test and for the OpenSSL command line. */
public final class Pem {

  private Pem() {}

  /** {@code der} as a PEM block labelled {@code type}, for example {@code CERTIFICATE}. */
  public static String text(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Writes {@code der} as a PEM block labelled {@code type}; returns {@code file}. */
  public static Path write(Path file, String type, byte[] der) {
    try {
      return Files.writeString(file, text(type, der), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the key as {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo). */
  public static Path writePublicKey(Path file, PublicKey key) {
    return writePublicKey(file, SubjectPublicKeyInfo.getInstance(key.getEncoded()));
  }

  /** Writes the key as {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo). */
  public static Path writePublicKey(Path file, SubjectPublicKeyInfo key) {
    return write(file, "PUBLIC KEY", der(key));
  }

  /** Writes the key as PKCS#8 {@code -----BEGIN PRIVATE KEY-----}, unencrypted. */
  public static Path writePrivateKey(Path file, PrivateKey key) {
    return write(file, "PRIVATE KEY", der(PrivateKeyInfo.getInstance(key.getEncoded())));
  }

  private static byte[] der(ASN1Object object) {
    try {
      return object.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
