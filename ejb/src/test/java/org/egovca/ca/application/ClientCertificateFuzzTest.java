package org.egovca.ca.application;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.SerialNumbers;

/**
 * Fuzzes the reading of the client certificate a SOAP caller presented. Contract: it is read or
 * found unreadable (then refused as NOT_AUTHORIZED), never an exception; and what is read has the
 * subject, issuer and serial number that authentication looks up.
 */
class ClientCertificateFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void aClientCertificateIsReadOrRefused(byte[] der) {
    ClientAuthenticator.readCertificate(der)
        .ifPresent(
            (X509CertificateHolder certificate) -> {
              certificate.getSubject().toString();
              SerialNumbers.toHex(certificate.getSerialNumber());
            });
  }
}
