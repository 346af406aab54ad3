package org.egovca.ca.x509;

import java.io.IOException;
import java.io.StringWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Certificates as PEM text, the form operators and integrators paste and save. */
public final class PemCertificates {

  private PemCertificates() {}

  /** {@code certificates} (DER) as consecutive PEM CERTIFICATE blocks, in the order given. */
  public static String of(byte[]... certificates) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      for (byte[] certificate : certificates) {
        writer.writeObject(new PemObject("CERTIFICATE", certificate));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM", e);
    }
    return text.toString();
  }
}
