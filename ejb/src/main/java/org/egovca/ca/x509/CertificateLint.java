package org.egovca.ca.x509;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.AltNameType;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.DnAttribute;
import org.egovca.ca.domain.IdentifierKind;

/**
 * The pre-issuance lint: checks a to-be-signed certificate against its profile and the encoding
 * rules of GM/T 0015 before the CA key signs it. It reads only the TBS structure, so it checks what
 * would be signed, whatever code path produced it.
 */
public final class CertificateLint {

  /** Extensions every end-entity certificate carries that no other rule checks. */
  private static final Set<ASN1ObjectIdentifier> ISSUER_REFERENCES =
      Set.of(
          Extension.certificatePolicies,
          Extension.cRLDistributionPoints,
          Extension.authorityInfoAccess);

  /** Extensions profiles may produce, besides the identity extensions. */
  private static final Set<ASN1ObjectIdentifier> KNOWN =
      Set.of(
          Extension.authorityKeyIdentifier,
          Extension.subjectKeyIdentifier,
          Extension.keyUsage,
          Extension.extendedKeyUsage,
          Extension.subjectAlternativeName,
          Extension.basicConstraints,
          Extension.certificatePolicies,
          Extension.cRLDistributionPoints,
          Extension.authorityInfoAccess);

  private CertificateLint() {}

  /** Every rule {@code tbs} breaks; empty when it may be signed. */
  public static List<LintViolation> check(
      TBSCertificate tbs, CertificateProfile profile, X509CertificateHolder caCertificate) {
    List<LintViolation> violations = new ArrayList<>();
    Extensions extensions = tbs.getExtensions();
    if (extensions == null) {
      extensions = new Extensions(new Extension[0]);
    }
    checkIssuerAndSerial(tbs, caCertificate, violations);
    checkValidity(tbs, profile, caCertificate, violations);
    checkSubject(tbs, profile, violations);
    if (SubjectKeys.algorithmOf(tbs.getSubjectPublicKeyInfo())
        .filter(profile.keyAlgorithms()::contains)
        .isEmpty()) {
      violations.add(
          new LintViolation(
              LintRule.KEY_ALGORITHM,
              SubjectKeys.describe(tbs.getSubjectPublicKeyInfo())
                  + "; the profile accepts "
                  + profile.describeKeyAlgorithms()));
    }
    checkKeyUsages(extensions, profile, violations);
    checkKeyIdentifiers(extensions, caCertificate, violations);
    checkAltNames(extensions, profile, violations);
    checkIdentity(extensions, profile, violations);
    checkExtensionSet(extensions, profile, violations);
    return violations;
  }

  private static void checkIssuerAndSerial(
      TBSCertificate tbs, X509CertificateHolder ca, List<LintViolation> violations) {
    if (!Arrays.equals(encoded(tbs.getIssuer()), encoded(ca.toASN1Structure().getSubject()))) {
      violations.add(new LintViolation(LintRule.ISSUER_NAME, "issuer is " + tbs.getIssuer()));
    }
    BigInteger serial = tbs.getSerialNumber().getValue();
    if (serial.signum() <= 0 || serial.toByteArray().length > 20 || serial.bitLength() < 64) {
      violations.add(
          new LintViolation(LintRule.SERIAL_NUMBER, "serial number is " + serial.toString(16)));
    }
  }

  private static void checkValidity(
      TBSCertificate tbs,
      CertificateProfile profile,
      X509CertificateHolder ca,
      List<LintViolation> violations) {
    var notBefore = tbs.getStartDate().getDate().toInstant();
    var notAfter = tbs.getEndDate().getDate().toInstant();
    if (Duration.between(notBefore, notAfter).compareTo(profile.validity()) > 0) {
      violations.add(
          new LintViolation(
              LintRule.VALIDITY_PROFILE,
              notBefore + " to " + notAfter + " exceeds " + profile.validity().toDays() + " days"));
    }
    if (notAfter.isAfter(ca.getNotAfter().toInstant())) {
      violations.add(
          new LintViolation(
              LintRule.VALIDITY_CA,
              "ends " + notAfter + ", the CA certificate ends " + ca.getNotAfter().toInstant()));
    }
  }

  private static void checkSubject(
      TBSCertificate tbs, CertificateProfile profile, List<LintViolation> violations) {
    Set<DnAttribute> present = EnumSet.noneOf(DnAttribute.class);
    int lastOrdinal = -1;
    for (RDN rdn : tbs.getSubject().getRDNs()) {
      var first = rdn.getFirst();
      var attribute = DnAttribute.byOid(first.getType().getId());
      if (attribute.isEmpty() || !profile.allowedAttributes().contains(attribute.get())) {
        violations.add(
            new LintViolation(
                LintRule.SUBJECT_ATTRIBUTE_NOT_ALLOWED, "attribute " + first.getType() + " found"));
        continue;
      }
      DnAttribute a = attribute.get();
      present.add(a);
      if (a.ordinal() < lastOrdinal) {
        violations.add(new LintViolation(LintRule.SUBJECT_RDN_ORDER, a + " comes too late"));
      }
      lastOrdinal = a.ordinal();
      if (!hasStringType(a, first.getValue())) {
        violations.add(
            new LintViolation(
                LintRule.SUBJECT_STRING_TYPE,
                a + " is encoded as " + first.getValue().getClass().getSimpleName()));
      }
    }
    for (DnAttribute required : profile.requiredAttributes()) {
      if (!present.contains(required)) {
        violations.add(
            new LintViolation(LintRule.SUBJECT_REQUIRED_ATTRIBUTE, required + " is missing"));
      }
    }
  }

  private static boolean hasStringType(DnAttribute attribute, ASN1Encodable value) {
    return switch (attribute) {
      case C -> value instanceof ASN1PrintableString;
      case E -> value instanceof ASN1IA5String;
      default -> value instanceof ASN1UTF8String;
    };
  }

  private static void checkKeyUsages(
      Extensions extensions, CertificateProfile profile, List<LintViolation> violations) {
    Extension keyUsage = extensions.getExtension(Extension.keyUsage);
    if (keyUsage == null || !keyUsage.isCritical()) {
      violations.add(new LintViolation(LintRule.KEY_USAGE, "keyUsage missing or not critical"));
    } else {
      KeyUsage bits = KeyUsage.getInstance(keyUsage.getParsedValue());
      int expected = profile.keyUsage();
      if (!bits.equals(new KeyUsage(expected))) {
        violations.add(new LintViolation(LintRule.KEY_USAGE, "keyUsage is " + bits));
      }
    }
    Set<String> purposes = new HashSet<>();
    Extension eku = extensions.getExtension(Extension.extendedKeyUsage);
    if (eku != null) {
      for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages()) {
        purposes.add(purpose.getId());
      }
    }
    if (!purposes.equals(new HashSet<>(profile.extendedKeyUsages()))) {
      violations.add(
          new LintViolation(
              LintRule.EXTENDED_KEY_USAGE,
              "extKeyUsage is " + purposes + ", the profile has " + profile.extendedKeyUsages()));
    }
    Extension basicConstraints = extensions.getExtension(Extension.basicConstraints);
    if (basicConstraints != null
        && BasicConstraints.getInstance(basicConstraints.getParsedValue()).isCA()) {
      violations.add(new LintViolation(LintRule.BASIC_CONSTRAINTS, "cA is TRUE"));
    }
  }

  private static void checkKeyIdentifiers(
      Extensions extensions, X509CertificateHolder ca, List<LintViolation> violations) {
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
    SubjectKeyIdentifier caSki = SubjectKeyIdentifier.fromExtensions(ca.getExtensions());
    if (aki == null
        || aki.getKeyIdentifierObject() == null
        || (caSki != null && !Arrays.equals(aki.getKeyIdentifier(), caSki.getKeyIdentifier()))) {
      violations.add(
          new LintViolation(LintRule.KEY_IDENTIFIERS, "authorityKeyIdentifier does not match"));
    }
    if (SubjectKeyIdentifier.fromExtensions(extensions) == null) {
      violations.add(
          new LintViolation(LintRule.KEY_IDENTIFIERS, "subjectKeyIdentifier is missing"));
    }
  }

  private static void checkAltNames(
      Extensions extensions, CertificateProfile profile, List<LintViolation> violations) {
    GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
    GeneralName[] list = names == null ? new GeneralName[0] : names.getNames();
    for (GeneralName name : list) {
      if (AltNameType.of(name).filter(profile.altNames().allowed()::contains).isEmpty()) {
        violations.add(
            new LintViolation(
                LintRule.SUBJECT_ALT_NAME,
                name + " is not a form the profile allows " + profile.altNames().allowed()));
      }
    }
    if (profile.altNames().required() && list.length == 0) {
      violations.add(
          new LintViolation(
              LintRule.SUBJECT_ALT_NAME,
              "the profile requires a subjectAltName of the forms "
                  + profile.altNames().allowed()));
    }
  }

  private static void checkIdentity(
      Extensions extensions, CertificateProfile profile, List<LintViolation> violations) {
    var rules = profile.identity();
    Set<ASN1ObjectIdentifier> allowed =
        rules.allowed().stream()
            .map(kind -> IdentityExtensions.oid(rules.edition(), kind))
            .collect(Collectors.toSet());
    for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
      if (oid.on(IdentityExtensions.IDENTITY_ARC) && !allowed.contains(oid)) {
        violations.add(
            new LintViolation(
                LintRule.IDENTITY_NOT_ALLOWED,
                oid + " is not an identity extension of " + profile.label()));
      }
    }
    if (!rules.requiredOneOf().isEmpty()) {
      boolean any = false;
      for (IdentifierKind kind : rules.requiredOneOf()) {
        any |= extensions.getExtension(IdentityExtensions.oid(rules.edition(), kind)) != null;
      }
      if (!any) {
        violations.add(
            new LintViolation(
                LintRule.IDENTITY_REQUIRED, "none of " + rules.requiredOneOf() + " is present"));
      }
    }
  }

  private static void checkExtensionSet(
      Extensions extensions, CertificateProfile profile, List<LintViolation> violations) {
    for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
      if (extensions.getExtension(oid).isCritical() && !oid.equals(Extension.keyUsage)) {
        violations.add(new LintViolation(LintRule.EXTENSION_CRITICALITY, oid + " is critical"));
      }
      boolean ocspNoCheck =
          oid.equals(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck) && isOcspResponder(profile);
      if (!KNOWN.contains(oid) && !oid.on(IdentityExtensions.IDENTITY_ARC) && !ocspNoCheck) {
        violations.add(
            new LintViolation(LintRule.EXTENSION_SET, oid + " is not produced by profiles"));
      }
    }
    for (ASN1ObjectIdentifier required : ISSUER_REFERENCES) {
      if (extensions.getExtension(required) == null) {
        violations.add(new LintViolation(LintRule.EXTENSION_SET, required + " is missing"));
      }
    }
  }

  /** Whether the profile makes delegated OCSP responder certificates (id-kp-OCSPSigning). */
  public static boolean isOcspResponder(CertificateProfile profile) {
    return profile.extendedKeyUsages().contains(KeyPurposeId.id_kp_OCSPSigning.getId());
  }

  private static byte[] encoded(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded("DER");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot encode " + value, e);
    }
  }
}
