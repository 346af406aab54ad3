package org.egovca.sync.receiver;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.egovca.guard.XmlRequestCheck;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.CertificateBusinessType;
import org.egovca.sync.ws.CertificateStatus;
import org.egovca.sync.ws.CrlBusinessType;
import org.egovca.sync.ws.HolderBasicInfo;
import org.egovca.sync.ws.Recipient;
import org.egovca.sync.ws.SyncCertificate;
import org.egovca.sync.ws.SyncCrl;

/**
 * Fuzzes the receiver with what reaches it from the network. Half of the inputs are SOAP bodies:
 * the receiver's request check ({@link XmlRequestCheck} with its limits), then the XML parser as
 * Metro sets it up (no DTDs) and JAXB, then {@link SyncReceiver#receive}. The other half are
 * messages whose fields (certificate and CRL bytes and the recipient included) are fuzzed and which
 * the trusted CA's sync signer then signs, so that the checks behind the signature (the certificate
 * or CRL parsed and compared with the fields, the store) see hostile content too. Contract: the
 * guard's refusal, the parser's refusal, an outcome, or a typed {@link SyncRejectedException};
 * never another exception.
 */
class SyncMessageFuzzTest {

  private static final TestCa CA = TestCa.sm2("iFutureCA");
  private static final SyncReceiver RECEIVER;
  private static final JAXBContext JAXB;
  private static final XMLInputFactory PARSER = XMLInputFactory.newDefaultFactory();
  private static final DatatypeFactory XSD = DatatypeFactory.newDefaultInstance();

  static {
    try {
      Path trust = Files.createTempDirectory("fuzz-trust");
      TrustFiles.install(trust, "iFutureCA", CA);
      RECEIVER =
          SyncReceiver.open(
              new ReceiverSettings(
                  trust, Files.createTempDirectory("fuzz-store"), TestMessages.RECIPIENT));
      JAXB = JAXBContext.newInstance(SyncCertificate.class, SyncCrl.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
    PARSER.setProperty(XMLInputFactory.SUPPORT_DTD, false); // as Metro configures it
    PARSER.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  @FuzzTest(maxDuration = "15s")
  void aMessageIsAppliedOrRejectedWithItsFaultCode(FuzzedDataProvider data) {
    try {
      if (data.consumeBoolean()) {
        soapBody(data.consumeRemainingAsBytes());
      } else {
        signedFields(data);
      }
    } catch (SyncRejectedException rejected) {
      // the typed SyncFault the endpoint answers
    }
  }

  private static void soapBody(byte[] body) throws SyncRejectedException {
    if (XmlRequestCheck.problem(body, body.length, "text/xml", ReceiverLimits.MAX_ELEMENTS)
        .isPresent()) {
      return;
    }
    Object request;
    try {
      XMLStreamReader reader = PARSER.createXMLStreamReader(new ByteArrayInputStream(body));
      if (!toBodyContent(reader)) {
        return;
      }
      Unmarshaller unmarshaller = JAXB.createUnmarshaller();
      request = unmarshaller.unmarshal(reader);
    } catch (XMLStreamException | JAXBException | RuntimeException notAMessage) {
      return; // Metro answers a fault of its own
    }
    if (request instanceof SyncCertificate certificate) {
      RECEIVER.receive(certificate);
    } else if (request instanceof SyncCrl crl) {
      RECEIVER.receive(crl);
    }
  }

  /** Moves to the first element inside soap:Body; false when there is none. */
  private static boolean toBodyContent(XMLStreamReader reader) throws XMLStreamException {
    int depth = 0;
    while (reader.hasNext()) {
      if (reader.next() == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 3) {
          return true;
        }
      }
    }
    return false;
  }

  private static void signedFields(FuzzedDataProvider data) throws SyncRejectedException {
    if (data.consumeBoolean()) {
      SyncCrl crl = new SyncCrl();
      crl.setMessageId(data.consumeString(40));
      crl.setBusinessType(CrlBusinessType.CRL);
      crl.setCaName(data.consumeBoolean() ? "iFutureCA" : data.consumeString(20));
      crl.setRecipient(recipient(data));
      crl.setCrlNumber(data.consumeString(20));
      crl.setThisUpdate(time(data));
      crl.setNextUpdate(time(data));
      crl.setSyncTime(time(data));
      crl.setCrl(data.consumeBoolean() ? validCrl() : data.consumeBytes(4096));
      crl.setSignature(signature(data, crl));
      RECEIVER.receive(crl);
    } else {
      SyncCertificate certificate = new SyncCertificate();
      certificate.setMessageId(data.consumeString(40));
      certificate.setBusinessType(data.pickValue(CertificateBusinessType.values()));
      certificate.setCaName(data.consumeBoolean() ? "iFutureCA" : data.consumeString(20));
      certificate.setRecipient(recipient(data));
      HolderBasicInfo holder = new HolderBasicInfo();
      holder.setSubjectDn(data.consumeString(100));
      holder.setCommonName(data.consumeString(40));
      holder.setOrganisation(data.consumeString(40));
      holder.setIdentifierType(data.consumeString(20));
      holder.setIdentifierValue(data.consumeString(20));
      certificate.setHolder(data.consumeBoolean() ? holder : null);
      certificate.setSerialNumber(data.consumeString(40));
      certificate.setStatus(data.pickValue(CertificateStatus.values()));
      certificate.setNotBefore(time(data));
      certificate.setNotAfter(time(data));
      certificate.setRevokedAt(data.consumeBoolean() ? time(data) : null);
      certificate.setRevocationReason(data.consumeBoolean() ? data.consumeString(20) : null);
      certificate.setSyncTime(time(data));
      certificate.setCertificate(
          data.consumeBoolean() ? validCertificate() : data.consumeBytes(4096));
      certificate.setSignature(signature(data, certificate));
      RECEIVER.receive(certificate);
    }
  }

  /** Mostly this receiver's own identity, else fuzzed or absent. */
  private static Recipient recipient(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      return null;
    }
    Recipient recipient = new Recipient();
    boolean ours = data.consumeBoolean();
    recipient.setSystem(ours ? TestMessages.RECIPIENT.system() : data.consumeString(70));
    recipient.setApplicationUnit(
        ours ? TestMessages.RECIPIENT.applicationUnit() : data.consumeString(40));
    return recipient;
  }

  /**
   * The CA's sync signer's signature over the fields when they make a message, else fuzzed bytes.
   */
  private static byte[] signature(FuzzedDataProvider data, SyncCertificate request) {
    try {
      return TestMessages.sign(WireMessages.certificateSync(request), CA);
    } catch (IllegalArgumentException fieldsTheCaWouldNeverSign) {
      return data.consumeBytes(2048);
    }
  }

  private static byte[] signature(FuzzedDataProvider data, SyncCrl request) {
    try {
      return TestMessages.sign(WireMessages.crlSync(request), CA);
    } catch (IllegalArgumentException fieldsTheCaWouldNeverSign) {
      return data.consumeBytes(2048);
    }
  }

  private static byte[] validCertificate() {
    return TestMessages.issued(CA, "iFutureCA").certificate();
  }

  private static byte[] validCrl() {
    return TestMessages.crl(CA, "iFutureCA", 1).crl();
  }

  private static XMLGregorianCalendar time(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      return null;
    }
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(
        Instant.ofEpochSecond(data.consumeLong(0, 4_102_444_800L)).toEpochMilli());
    return XSD.newXMLGregorianCalendar(calendar);
  }
}
