package org.egovca.sync.receiver;

import static org.egovca.sync.SyncFaultCode.FIELD_MISMATCH;
import static org.egovca.sync.SyncFaultCode.MALFORMED;
import static org.egovca.sync.SyncFaultCode.NOT_ISSUED_BY_CA;

import java.io.IOException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.guard.Asn1Limits;
import org.egovca.guard.MalformedAsn1Exception;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;

/**
 * Checks what a message carries, after its signature verified: the certificate or CRL inside must
 * be issued by the CA the message names (its issuer is the subject of one of the CA's trusted
 * certificates, and that certificate's key verifies its signature), and the fields must say what
 * the certificate or CRL says. The CA's signature already binds the fields to the CA; this check
 * keeps a CA bug, or a certificate of another CA, out of the receiver's records.
 */
final class IssuanceCheck {

  /** A private instance; never registered with the JVM (a redeploy would leave it stale). */
  private static final Provider BC = new BouncyCastleProvider();

  void certificate(CertificateSync message, List<X509CertificateHolder> caCertificates)
      throws SyncRejectedException {
    X509CertificateHolder certificate;
    try {
      Asn1Limits.check(message.certificate()); // BouncyCastle recurses per nesting level
      certificate = new X509CertificateHolder(message.certificate());
    } catch (MalformedAsn1Exception | IOException | RuntimeException | StackOverflowError e) {
      throw new SyncRejectedException(MALFORMED, "certificate is not a DER X.509 certificate");
    }
    if (!issuedBy(certificate.getIssuer(), certificate::isSignatureValid, caCertificates)) {
      throw new SyncRejectedException(
          NOT_ISSUED_BY_CA,
          "certificate " + message.serialNumber() + " was not issued by CA " + message.caName());
    }
    same(
        "serialNumber",
        message.serialNumber(),
        certificate.getSerialNumber().toString(16),
        "certificate");
    same("notBefore", message.notBefore(), instant(certificate.getNotBefore()), "certificate");
    same("notAfter", message.notAfter(), instant(certificate.getNotAfter()), "certificate");
  }

  void crl(CrlSync message, List<X509CertificateHolder> caCertificates)
      throws SyncRejectedException {
    X509CRLHolder crl;
    try {
      Asn1Limits.check(message.crl()); // BouncyCastle recurses per nesting level
      crl = new X509CRLHolder(message.crl());
    } catch (MalformedAsn1Exception | IOException | RuntimeException | StackOverflowError e) {
      throw new SyncRejectedException(MALFORMED, "crl is not a DER X.509 CRL");
    }
    if (!issuedBy(crl.getIssuer(), crl::isSignatureValid, caCertificates)) {
      throw new SyncRejectedException(
          NOT_ISSUED_BY_CA, "the CRL was not issued by CA " + message.caName());
    }
    Extension crlNumber = crl.getExtension(Extension.cRLNumber);
    same(
        "crlNumber",
        message.crlNumber(),
        crlNumber == null
            ? null
            : CRLNumber.getInstance(crlNumber.getParsedValue()).getCRLNumber().toString(),
        "CRL");
    same("thisUpdate", message.thisUpdate(), instant(crl.getThisUpdate()), "CRL");
    same("nextUpdate", message.nextUpdate(), instant(crl.getNextUpdate()), "CRL");
  }

  /** A signed object (certificate or CRL) checked with a content verifier. */
  @FunctionalInterface
  private interface SignedObject {
    boolean isSignatureValid(ContentVerifierProvider verifier) throws CertException;
  }

  private static boolean issuedBy(
      X500Name issuer, SignedObject signed, List<X509CertificateHolder> caCertificates) {
    for (X509CertificateHolder caCertificate : caCertificates) {
      if (caCertificate.getSubject().equals(issuer) && verifies(signed, caCertificate)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verifies(SignedObject signed, X509CertificateHolder caCertificate) {
    try {
      return signed.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(BC).build(caCertificate));
    } catch (CertException
        | OperatorCreationException
        | CertificateException
        | RuntimeException
        | StackOverflowError e) {
      return false; // the signature value is decoded as ASN.1: hostile input
    }
  }

  private static void same(String field, Object inMessage, Object inContent, String content)
      throws SyncRejectedException {
    if (!Objects.equals(inMessage, inContent)) {
      throw new SyncRejectedException(
          FIELD_MISMATCH,
          field + " is " + inMessage + " but the " + content + " says " + inContent);
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
