package org.egovca.ldap;

/**
 * The two kinds of entry the publisher writes, each with the RFC 4523 attribute that carries its
 * certificates and the auxiliary object class that allows that attribute on any entry.
 */
enum EntryKind {
  /** A certificate holder: {@code userCertificate} on a {@code pkiUser}. */
  HOLDER("userCertificate", "pkiUser"),

  /** A certification authority: {@code cACertificate} on a {@code pkiCA}. */
  CA("cACertificate", "pkiCA");

  private final String certificateAttribute;
  private final String auxiliaryClass;

  EntryKind(String certificateAttribute, String auxiliaryClass) {
    this.certificateAttribute = certificateAttribute;
    this.auxiliaryClass = auxiliaryClass;
  }

  /** The attribute type, without options. */
  String certificateAttribute() {
    return certificateAttribute;
  }

  /**
   * The attribute with the {@code ;binary} transfer option, which RFC 4523 requires for
   * certificates sent over LDAP.
   */
  String binaryCertificateAttribute() {
    return certificateAttribute + ";binary";
  }

  String auxiliaryClass() {
    return auxiliaryClass;
  }
}
