package org.egovca.ca.x509;

/**
 * The rules every end-entity certificate is checked against before it is signed (GM/T 0015 §5.2 and
 * Annex C, RFC 5280, and the certificate's profile).
 */
public enum LintRule {
  ISSUER_NAME("the issuer name is byte-identical to the CA certificate's subject"),
  SERIAL_NUMBER("the serial number is positive, at most 20 octets and at least 64 bits long"),
  VALIDITY_PROFILE("the validity is no longer than the profile allows"),
  VALIDITY_CA("the validity ends no later than the CA certificate"),
  SUBJECT_REQUIRED_ATTRIBUTE("the subject carries every attribute the profile requires"),
  SUBJECT_ATTRIBUTE_NOT_ALLOWED("the subject carries only attributes the profile allows"),
  SUBJECT_RDN_ORDER("the subject RDNs are in the order C, ST, L, O, OU, CN, E"),
  SUBJECT_STRING_TYPE("C is a PrintableString, E an IA5String, the others UTF8String"),
  KEY_ALGORITHM("the subject key is one of the profile's key algorithms"),
  KEY_USAGE("keyUsage is present, critical and exactly the profile's"),
  EXTENDED_KEY_USAGE("extKeyUsage is exactly the profile's, non-critical"),
  BASIC_CONSTRAINTS("an end-entity certificate is not a CA certificate"),
  KEY_IDENTIFIERS(
      "authorityKeyIdentifier matches the CA's key and subjectKeyIdentifier is present"),
  SUBJECT_ALT_NAME("subjectAltName holds only forms the profile allows, and one where required"),
  IDENTITY_REQUIRED("an identity extension the profile requires is present"),
  IDENTITY_NOT_ALLOWED("identity extensions are only those the profile's edition allows"),
  EXTENSION_CRITICALITY("only keyUsage is critical (GM/T 0015 dual-certificate model)"),
  EXTENSION_SET("the extensions are exactly those profiles produce");

  private final String requirement;

  LintRule(String requirement) {
    this.requirement = requirement;
  }

  /** What the rule requires, as an operator reads it. */
  public String requirement() {
    return requirement;
  }
}
