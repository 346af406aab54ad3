package org.egovca.ra.application;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.util.ASN1Dump;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.encoders.Hex;
import org.egovca.ca.domain.IssuedCertificate;

/** Decodes a certificate for its page: fields, and extensions in words where they have names. */
final class CertificateDecoder {

  private static final Map<ASN1ObjectIdentifier, String> NAMES =
      Map.ofEntries(
          Map.entry(Extension.basicConstraints, "basicConstraints"),
          Map.entry(Extension.keyUsage, "keyUsage"),
          Map.entry(Extension.extendedKeyUsage, "extendedKeyUsage"),
          Map.entry(Extension.subjectKeyIdentifier, "subjectKeyIdentifier"),
          Map.entry(Extension.authorityKeyIdentifier, "authorityKeyIdentifier"),
          Map.entry(Extension.cRLDistributionPoints, "cRLDistributionPoints"),
          Map.entry(Extension.authorityInfoAccess, "authorityInfoAccess"),
          Map.entry(Extension.subjectAlternativeName, "subjectAltName"),
          Map.entry(Extension.certificatePolicies, "certificatePolicies"),
          Map.entry(Extension.freshestCRL, "freshestCRL"),
          Map.entry(new ASN1ObjectIdentifier("1.2.156.10260.4.1.1"), "GM/T 0015 IdentifyCode"),
          Map.entry(new ASN1ObjectIdentifier("1.2.156.10260.4.1.2"), "GM/T 0015 InsuranceNumber"),
          Map.entry(
              new ASN1ObjectIdentifier("1.2.156.10260.4.1.3"), "GM/T 0015 ICRegistrationNumber"),
          Map.entry(new ASN1ObjectIdentifier("1.2.156.10260.4.1.4"), "GM/T 0015 OrganizationCode"),
          Map.entry(new ASN1ObjectIdentifier("1.2.156.10260.4.1.5"), "GM/T 0015 TaxationNumber"));

  private static final String[] KEY_USAGES = {
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly"
  };

  private static final int[] KEY_USAGE_BITS = {
    KeyUsage.digitalSignature,
    KeyUsage.nonRepudiation,
    KeyUsage.keyEncipherment,
    KeyUsage.dataEncipherment,
    KeyUsage.keyAgreement,
    KeyUsage.keyCertSign,
    KeyUsage.cRLSign,
    KeyUsage.encipherOnly,
    KeyUsage.decipherOnly
  };

  private CertificateDecoder() {}

  static CertificateDetail detail(
      IssuedCertificate certificate,
      String applicationUnit,
      List<ApplicationSummary> applications) {
    X509CertificateHolder holder;
    try {
      holder = new X509CertificateHolder(certificate.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("a stored certificate does not parse", e);
    }
    List<CertificateDetail.Field> extensions = new ArrayList<>();
    for (Object oid : holder.getExtensionOIDs()) {
      Extension extension = holder.getExtension((ASN1ObjectIdentifier) oid);
      extensions.add(
          new CertificateDetail.Field(
              NAMES.getOrDefault(extension.getExtnId(), extension.getExtnId().getId()),
              extension.isCritical(),
              describe(extension)));
    }
    return new CertificateDetail(
        certificate.getSerialNumberHex(),
        certificate.getSubjectDn(),
        holder.getIssuer().toString(),
        certificate.getIssuer().getName(),
        certificate.getProfile(),
        certificate.getKeyAlgorithm(),
        new DefaultAlgorithmNameFinder().getAlgorithmName(holder.getSignatureAlgorithm()),
        certificate.getStatus(),
        certificate.getNotBefore(),
        certificate.getNotAfter(),
        certificate.getIssuedAt(),
        certificate.getRequestedBy(),
        certificate.getRevokedAt(),
        certificate.getRevocationReason() == null ? null : certificate.getRevocationReason().name(),
        certificate.getRevocationInitiator() == null
            ? null
            : certificate.getRevocationInitiator().name(),
        applicationUnit,
        certificate.getFingerprintSha256(),
        certificate.getPairedCertificate() == null
            ? null
            : certificate.getPairedCertificate().getSerialNumberHex(),
        extensions,
        org.egovca.ca.x509.PemCertificates.of(certificate.getEncoded()),
        applications);
  }

  private static String describe(Extension extension) {
    ASN1Encodable value = extension.getParsedValue();
    ASN1ObjectIdentifier oid = extension.getExtnId();
    if (oid.equals(Extension.keyUsage)) {
      KeyUsage usage = KeyUsage.getInstance(value);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < KEY_USAGE_BITS.length; i++) {
        if (usage.hasUsages(KEY_USAGE_BITS[i])) {
          names.add(KEY_USAGES[i]);
        }
      }
      return String.join(", ", names);
    }
    if (oid.equals(Extension.extendedKeyUsage)) {
      List<String> purposes = new ArrayList<>();
      for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(value).getUsages()) {
        purposes.add(purposeName(purpose));
      }
      return String.join(", ", purposes);
    }
    if (oid.equals(Extension.subjectAlternativeName)) {
      List<String> names = new ArrayList<>();
      for (GeneralName name : GeneralNames.getInstance(value).getNames()) {
        names.add(name.toString());
      }
      return String.join(", ", names);
    }
    if (oid.equals(Extension.basicConstraints)) {
      return BasicConstraints.getInstance(value).isCA() ? "CA" : "end entity";
    }
    if (oid.equals(Extension.subjectKeyIdentifier)) {
      return Hex.toHexString(
          org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
    }
    String dump = ASN1Dump.dumpAsString(value, false).strip();
    return dump.length() > 2000 ? dump.substring(0, 2000) + " …" : dump;
  }

  private static String purposeName(KeyPurposeId purpose) {
    if (purpose.equals(KeyPurposeId.id_kp_serverAuth)) {
      return "serverAuth";
    }
    if (purpose.equals(KeyPurposeId.id_kp_clientAuth)) {
      return "clientAuth";
    }
    if (purpose.equals(KeyPurposeId.id_kp_codeSigning)) {
      return "codeSigning";
    }
    if (purpose.equals(KeyPurposeId.id_kp_emailProtection)) {
      return "emailProtection";
    }
    if (purpose.equals(KeyPurposeId.id_kp_OCSPSigning)) {
      return "OCSPSigning";
    }
    if (purpose.equals(KeyPurposeId.id_kp_ipsecIKE)) {
      return "ipsecIKE";
    }
    return purpose.getId();
  }
}
