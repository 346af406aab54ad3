package org.egovca.it;

import java.math.BigInteger;
import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;

/** What tests of other packages ask of the remote RA service, with the demo RA credential. */
public final class RemoteRa {

  private RemoteRa() {}

  /**
   * Issues a personal SM2 signing certificate to {@code CN=commonName,C=CN} for the application
   * unit {@code unit}, not published to the directory.
   *
   * @return its serial number
   */
  public static BigInteger issueForUnit(
      CaServer server, Path directory, String commonName, String unit) throws Exception {
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=" + commonName + ",C=CN",
                TestRequests.sm2(directory, "holder"),
                unit,
                false);
    if (!answer.issued()) {
      throw new AssertionError(answer.faultCode() + ": " + answer.faultString());
    }
    return new X509CertificateHolder(answer.certificate()).getSerialNumber();
  }
}
