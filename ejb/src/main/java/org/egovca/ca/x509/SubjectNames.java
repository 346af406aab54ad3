package org.egovca.ca.x509;

import static org.egovca.ca.domain.RefusalCode.INVALID_SUBJECT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.DnAttribute;
import org.egovca.ca.domain.Refusal;

/**
 * Turns the subject DN an RA submits into the name we encode: only the attributes the profile
 * allows, every required one present, no anonymous or malformed values, and always in the same RDN
 * order (C, ST, L, O, OU, CN, E) with C as PrintableString, E as IA5String and the others as
 * UTF8String (GM/T 0015 §5.2.2.4).
 */
public final class SubjectNames {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private SubjectNames() {}

  /** Parses and checks {@code dn} (RFC 4514 syntax, most specific attribute first). */
  public static X500Name parse(String dn, CertificateProfile profile) {
    if (dn == null || dn.isBlank()) {
      throw new Refusal(INVALID_SUBJECT, "subjectDn is empty: anonymous names are not allowed");
    }
    Map<DnAttribute, List<String>> values = new EnumMap<>(DnAttribute.class);
    for (RDN rdn : rdns(dn)) {
      if (rdn.isMultiValued()) {
        throw new Refusal(
            INVALID_SUBJECT,
            "subjectDn has a multi-valued RDN (joined with '+'), which we do not issue");
      }
      DnAttribute attribute = attributeOf(rdn.getFirst().getType(), profile);
      String value = textOf(attribute, rdn.getFirst().getValue()).strip();
      values.computeIfAbsent(attribute, a -> new ArrayList<>()).add(checkValue(attribute, value));
    }
    for (DnAttribute required : profile.requiredAttributes()) {
      if (!values.containsKey(required)) {
        throw new Refusal(
            INVALID_SUBJECT,
            "subjectDn has no " + required + ": profile " + profile.name() + " requires it");
      }
    }
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    values.forEach(
        (attribute, list) -> {
          if (list.size() > 1 && !attribute.repeatable()) {
            throw new Refusal(INVALID_SUBJECT, "subjectDn has " + attribute + " more than once");
          }
          list.forEach(v -> builder.addRDN(new ASN1ObjectIdentifier(attribute.oid()), v));
        });
    return builder.build();
  }

  /** RFC 4514 form, most specific attribute first, as people read a DN ("CN=…,O=…,C=CN"). */
  public static String toDisplayString(X500Name name) {
    RDN[] rdns = name.getRDNs();
    RDN[] reversed = new RDN[rdns.length];
    for (int i = 0; i < rdns.length; i++) {
      reversed[i] = rdns[rdns.length - 1 - i];
    }
    return new X500Name(BCStyle.INSTANCE, reversed).toString();
  }

  private static RDN[] rdns(String dn) {
    try {
      return IETFUtils.rDNsFromString(dn.strip(), CpsNameStyle.INSTANCE);
    } catch (IllegalArgumentException e) {
      throw new Refusal(
          INVALID_SUBJECT, "subjectDn is not a valid distinguished name: " + e.getMessage());
    }
  }

  /** The attribute's text; a "#hex" value that is not a string type is refused. */
  private static String textOf(DnAttribute attribute, ASN1Encodable value) {
    if (value instanceof ASN1String text) {
      return text.getString();
    }
    throw new Refusal(
        INVALID_SUBJECT, "subjectDn " + attribute + " must be text, not an encoded ASN.1 value");
  }

  private static DnAttribute attributeOf(ASN1ObjectIdentifier type, CertificateProfile profile) {
    DnAttribute attribute =
        DnAttribute.byOid(type.getId())
            .orElseThrow(
                () ->
                    new Refusal(
                        INVALID_SUBJECT,
                        "subjectDn attribute "
                            + BCStyle.INSTANCE.oidToDisplayName(type)
                            + " ("
                            + type.getId()
                            + ") is not one of E, CN, L, ST, OU, O, C"));
    if (!profile.allowedAttributes().contains(attribute)) {
      throw new Refusal(
          INVALID_SUBJECT,
          "subjectDn attribute " + attribute + " is not allowed by profile " + profile.name());
    }
    return attribute;
  }

  private static String checkValue(DnAttribute attribute, String value) {
    if (value.isEmpty()) {
      throw new Refusal(INVALID_SUBJECT, "subjectDn has an empty " + attribute);
    }
    if (CONTROL.matcher(value).find()) {
      throw new Refusal(INVALID_SUBJECT, "subjectDn " + attribute + " contains control characters");
    }
    if (value.length() > attribute.maxLength()) {
      throw new Refusal(
          INVALID_SUBJECT,
          "subjectDn " + attribute + " is longer than " + attribute.maxLength() + " characters");
    }
    if (attribute == DnAttribute.C && !COUNTRY.matcher(value).matches()) {
      throw new Refusal(
          INVALID_SUBJECT, "subjectDn C must be a two-letter ISO 3166 country code such as CN");
    }
    if (attribute == DnAttribute.E && !EMAIL.matcher(value).matches()) {
      throw new Refusal(INVALID_SUBJECT, "subjectDn E is not an e-mail address");
    }
    if (attribute == DnAttribute.E && !value.chars().allMatch(c -> c < 128)) {
      throw new Refusal(INVALID_SUBJECT, "subjectDn E must be ASCII (IA5String)");
    }
    return value;
  }

  /**
   * BCStyle, plus the CPS's "S" for state or province. Values are read as UTF8String whatever the
   * attribute: the final string type is chosen when the name is built, after the checks, so that
   * for example a non-ASCII e-mail address is refused rather than squeezed into an IA5String.
   */
  private static final class CpsNameStyle extends BCStyle {
    static final CpsNameStyle INSTANCE = new CpsNameStyle();

    @Override
    public ASN1ObjectIdentifier attrNameToOID(String attrName) {
      return "S".equalsIgnoreCase(attrName.strip()) ? BCStyle.ST : super.attrNameToOID(attrName);
    }

    @Override
    protected ASN1Encodable encodeStringValue(ASN1ObjectIdentifier oid, String value) {
      return new DERUTF8String(value);
    }
  }
}
