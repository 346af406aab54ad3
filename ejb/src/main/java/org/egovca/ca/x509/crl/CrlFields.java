package org.egovca.ca.x509.crl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

/**
 * The fixed, small parts of a TBSCertList, DER-encoded with BouncyCastle's ASN.1 classes: what
 * comes before revokedCertificates ({@link #head}) and the crlExtensions after it ({@link
 * #extensions}).
 *
 * <p>The CRL extensions are always written in this order, which the tests rebuild with {@code
 * X509v2CRLBuilder}:
 *
 * <ol>
 *   <li>authorityKeyIdentifier (2.5.29.35), keyIdentifier only, non-critical (RFC 5280 §5.2.1);
 *   <li>cRLNumber (2.5.29.20), non-critical (§5.2.3);
 *   <li>for a delta CRL, deltaCRLIndicator (2.5.29.27) with the base CRL number, critical (§5.2.4);
 *       for a complete CRL with a freshest-CRL URL, freshestCRL (2.5.29.46), non-critical (§5.2.6),
 *       one distribution point whose fullName is that URI;
 *   <li>with a distribution point URL, issuingDistributionPoint (2.5.29.28), critical (§5.2.5), one
 *       distribution point whose fullName is that URI.
 * </ol>
 */
final class CrlFields {

  /** version v2: INTEGER 1. */
  private static final ASN1Integer VERSION_2 = new ASN1Integer(1);

  private CrlFields() {}

  /** version, signature, issuer, thisUpdate and nextUpdate, concatenated. */
  static byte[] head(CrlContent content) {
    ByteArrayOutputStream head = new ByteArrayOutputStream(256);
    try {
      VERSION_2.encodeTo(head, ASN1Encoding.DER);
      content.signatureAlgorithm().encodeTo(head, ASN1Encoding.DER);
      content.issuer().encodeTo(head, ASN1Encoding.DER);
      head.write(DerTime.time(content.thisUpdate()));
      head.write(DerTime.time(content.nextUpdate()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the CRL header fields", e);
    }
    return head.toByteArray();
  }

  /** crlExtensions: {@code [0] EXPLICIT Extensions}. */
  static byte[] extensions(CrlContent content) {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    try {
      extensions.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new AuthorityKeyIdentifier(content.authorityKeyIdentifier()));
      extensions.addExtension(Extension.cRLNumber, false, new CRLNumber(content.crlNumber()));
      if (content.isDelta()) {
        extensions.addExtension(
            Extension.deltaCRLIndicator, true, new CRLNumber(content.baseCrlNumber()));
      } else if (content.freshestCrlUrl() != null) {
        extensions.addExtension(Extension.freshestCRL, false, freshestCrl(content));
      }
      if (content.distributionPointUrl() != null) {
        extensions.addExtension(
            Extension.issuingDistributionPoint,
            true,
            new IssuingDistributionPoint(
                new DistributionPointName(
                    new GeneralNames(
                        new GeneralName(
                            GeneralName.uniformResourceIdentifier,
                            content.distributionPointUrl()))),
                false,
                false));
      }
      return new DERTaggedObject(true, 0, extensions.generate()).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the CRL extensions", e);
    }
  }

  private static CRLDistPoint freshestCrl(CrlContent content) {
    GeneralNames names =
        new GeneralNames(
            new GeneralName(GeneralName.uniformResourceIdentifier, content.freshestCrlUrl()));
    return new CRLDistPoint(
        new DistributionPoint[] {
          new DistributionPoint(new DistributionPointName(names), null, null)
        });
  }
}
