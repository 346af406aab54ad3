package org.egovca.sync.receiver;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.egovca.sync.testing.TestCa;

/** Writes trust files the way an integrator installs them: {@code <caName>.pem}. */
final class TrustFiles {

  private TrustFiles() {}

  static void install(Path directory, String caName, TestCa... cas) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      for (TestCa ca : cas) {
        pem.writeObject(ca.certificate());
      }
    }
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve(caName + ".pem"), text.toString(), StandardCharsets.US_ASCII);
  }
}
