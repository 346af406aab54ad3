package org.egovca.ldap;

import java.util.Locale;

/**
 * Where one published item goes on an entry: the attribute, written with its transfer options
 * ({@code userCertificate;binary}), and the auxiliary object class that allows that attribute on an
 * entry of any structural class.
 *
 * @param description the attribute description, type and options (RFC 4512 §2.5)
 * @param objectClass the auxiliary object class that allows the attribute type
 */
record DirectoryAttribute(String description, String objectClass) {

  /** The attribute type without options, as a directory compares it: {@code userCertificate}. */
  String type() {
    return typeOf(description);
  }

  /** The attribute type of an attribute description: what precedes its options. */
  static String typeOf(String description) {
    int options = description.indexOf(';');
    return options < 0 ? description : description.substring(0, options);
  }

  /**
   * Whether an attribute description returned by the directory is this attribute's type, with any
   * options: a server may hand back {@code userCertificate;binary} or plain {@code
   * userCertificate}.
   */
  boolean isTypeOf(String returnedDescription) {
    String returned = returnedDescription.toLowerCase(Locale.ROOT);
    String mine = type().toLowerCase(Locale.ROOT);
    return returned.equals(mine) || returned.startsWith(mine + ';');
  }
}
