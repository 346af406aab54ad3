package org.egovca.ldap;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PUBLISHING: which attribute of an entry each item is written to and removed from, and the
 * auxiliary object class the entry needs for it. The defaults are the RFC 4523 attributes with the
 * {@code ;binary} transfer option and the classes OpenLDAP's {@code core.schema} defines; a
 * directory with another schema (say, a relying-party directory that reads certificates from an
 * attribute of its own) overrides them per item:
 *
 * <pre>
 * egovca.ldap.publishing.&lt;item&gt;.attribute    attribute description, e.g. userCertificate;binary
 * egovca.ldap.publishing.&lt;item&gt;.objectClass  auxiliary class that allows it, e.g. pkiUser
 * </pre>
 *
 * where {@code <item>} is {@code holderCertificate}, {@code caCertificate}, {@code crl}, {@code
 * arl} or {@code deltaCrl}.
 */
final class PublishingAttributes {

  /** Prefix of the per-item properties. */
  static final String PREFIX = "egovca.ldap.publishing.";

  /** An attribute description: a descriptor or OID, then options (RFC 4512 §2.5). */
  private static final Pattern DESCRIPTION =
      Pattern.compile("([A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+)(;[A-Za-z0-9-]+)*");

  /** An object class descriptor (RFC 4512 §1.4). */
  private static final Pattern OBJECT_CLASS = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

  private static final Map<PublishedItem, DirectoryAttribute> DEFAULTS =
      Map.of(
          PublishedItem.HOLDER_CERTIFICATE,
          new DirectoryAttribute("userCertificate;binary", "pkiUser"),
          PublishedItem.CA_CERTIFICATE,
          new DirectoryAttribute("cACertificate;binary", "pkiCA"),
          PublishedItem.CRL,
          new DirectoryAttribute("certificateRevocationList;binary", "pkiCA"),
          PublishedItem.ARL,
          new DirectoryAttribute("authorityRevocationList;binary", "pkiCA"),
          PublishedItem.DELTA_CRL,
          new DirectoryAttribute("deltaRevocationList;binary", "deltaCRL"));

  private final Map<PublishedItem, DirectoryAttribute> attributes =
      new EnumMap<>(PublishedItem.class);

  private PublishingAttributes(ConfigurationValues values) {
    for (PublishedItem item : PublishedItem.values()) {
      DirectoryAttribute fallback = DEFAULTS.get(item);
      String description =
          checked(
              values,
              attributeProperty(item),
              fallback.description(),
              DESCRIPTION,
              "an attribute description such as userCertificate;binary");
      String objectClass =
          checked(
              values,
              objectClassProperty(item),
              fallback.objectClass(),
              OBJECT_CLASS,
              "an object class name such as pkiUser");
      attributes.put(item, new DirectoryAttribute(description, objectClass));
    }
  }

  static PublishingAttributes from(ConfigurationValues values) {
    return new PublishingAttributes(values);
  }

  /** The property naming the attribute of {@code item}. */
  static String attributeProperty(PublishedItem item) {
    return PREFIX + item.configurationName() + ".attribute";
  }

  /** The property naming the auxiliary object class of {@code item}. */
  static String objectClassProperty(PublishedItem item) {
    return PREFIX + item.configurationName() + ".objectClass";
  }

  DirectoryAttribute of(PublishedItem item) {
    return attributes.get(item);
  }

  /** The attributes that hold certificates, where a withdrawn certificate may be found. */
  List<DirectoryAttribute> certificateAttributes() {
    return List.of(of(PublishedItem.HOLDER_CERTIFICATE), of(PublishedItem.CA_CERTIFICATE));
  }

  /** Every attribute the publisher writes, for the client to treat as binary. */
  List<DirectoryAttribute> all() {
    return List.copyOf(attributes.values());
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("PublishingAttributes[");
    attributes.forEach(
        (item, attribute) ->
            text.append(item.configurationName())
                .append('=')
                .append(attribute.description())
                .append('/')
                .append(attribute.objectClass())
                .append(' '));
    text.setLength(text.length() - 1);
    return text.append(']').toString();
  }

  private static String checked(
      ConfigurationValues values, String name, String fallback, Pattern syntax, String expected) {
    String value = values.text(name, fallback);
    if (!syntax.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be " + expected + ": " + value);
    }
    return value;
  }
}
