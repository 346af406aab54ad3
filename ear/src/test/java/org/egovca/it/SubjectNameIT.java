package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subject DN belongs to one holder (CPS §6.1.3.1.5, R4): a second application for a DN whose
 * certificate of that key usage is valid is refused with advice to add a distinguishing attribute;
 * the sign/encryption pair shares one DN; a revoked certificate frees its name.
 */
@ExtendWith(DeployedEar.class)
class SubjectNameIT {

  @TempDir Path directory;

  @Test
  void secondHolderWithTheSameDnIsToldToAddADistinguishingAttribute(CaServer server)
      throws Exception {
    String dn = "CN=Wang Wu " + UUID.randomUUID().toString().substring(0, 8) + ",O=测试单位,C=CN";
    RaSoapClient client = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    RaSoapClient.Answer first =
        client.issueCertificate("personal-sign", dn, TestRequests.sm2(directory, "first"));
    assertTrue(first.issued(), first.faultString());

    Records records = new Records(server);
    long before = records.certificateCount();
    RaSoapClient.Answer second =
        client.issueCertificate("personal-sign", dn, TestRequests.sm2(directory, "second"));
    assertEquals("INVALID_SUBJECT", second.faultCode());
    assertTrue(second.faultString().contains("distinguishing attribute"), second.faultString());
    assertEquals(before, records.certificateCount());

    RaSoapClient.Answer distinguished =
        client.issueCertificate(
            "personal-sign", "OU=第二处," + dn, TestRequests.sm2(directory, "third"));
    assertTrue(distinguished.issued(), distinguished.faultString());

    String serial = new X509CertificateHolder(first.certificate()).getSerialNumber().toString(16);
    assertNull(client.revokeCertificate(serial, "G", "RA").faultString());
    RaSoapClient.Answer afterRevocation =
        client.issueCertificate("personal-sign", dn, TestRequests.sm2(directory, "fourth"));
    assertTrue(afterRevocation.issued(), "a revoked certificate frees its name");
  }

  @Test
  void aSigningAndEncryptionPairSharesOneDn(CaServer server) throws Exception {
    String dn = "CN=Zhao Liu " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN";
    RaSoapClient.Dual dual =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueDualCertificate("personal-sign", dn, TestRequests.sm2(directory, "pair"));
    assertNull(dual.faultString(), dual.faultString());
    assertEquals("good", RelyingParty.status(dual.signatureCertificate()));
    assertEquals("good", RelyingParty.status(dual.encryptionCertificate()));
    // the database keeps a DN as RFC 4514 text, most specific attribute first, as given here
    assertEquals(2, new Records(server).certificatesWithSubject(dn));
  }
}
