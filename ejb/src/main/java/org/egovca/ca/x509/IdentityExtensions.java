package org.egovca.ca.x509;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.egovca.ca.domain.HolderIdentifier;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.IdentityEdition;

/**
 * The Chinese identity extensions of GM/T 0015 (all non-critical), in either edition.
 *
 * <p>2012 (§5.2.3.2.19–23): {@code IdentifyCode} 1.2.156.10260.4.1.1 is a CHOICE of resident ID
 * card [0] PrintableString, military officer ID [1] UTF8String and passport [2] PrintableString,
 * written with EXPLICIT tags (the tagging is unspecified; XiPKI and others use EXPLICIT); insurance
 * number .2, IC registration number .3, organization code .4 and taxation number .5 are
 * PrintableStrings. 2023: resident ID card 1.2.156.10260.4.1.1.1 and social insurance number .4.1.2
 * as PrintableString, passport .4.1.1.2 as UTF8String, unified social credit code 1.2.156.10260.4.4
 * as PrintableString.
 */
public final class IdentityExtensions {

  /** The arc under which both editions define their identity extensions. */
  public static final ASN1ObjectIdentifier IDENTITY_ARC =
      new ASN1ObjectIdentifier("1.2.156.10260.4");

  public static final ASN1ObjectIdentifier IDENTIFY_CODE =
      new ASN1ObjectIdentifier("1.2.156.10260.4.1.1");
  public static final ASN1ObjectIdentifier INSURANCE_NUMBER =
      new ASN1ObjectIdentifier("1.2.156.10260.4.1.2");
  public static final ASN1ObjectIdentifier IC_REGISTRATION_NUMBER =
      new ASN1ObjectIdentifier("1.2.156.10260.4.1.3");

  /** GM/T 0015's id-OrganizationCode, named as the standard spells it. */
  public static final ASN1ObjectIdentifier ORGANIZATION_CODE =
      new ASN1ObjectIdentifier("1.2.156.10260.4.1.4");

  public static final ASN1ObjectIdentifier TAXATION_NUMBER =
      new ASN1ObjectIdentifier("1.2.156.10260.4.1.5");
  public static final ASN1ObjectIdentifier RESIDENT_ID_CARD_2023 = IDENTIFY_CODE.branch("1");
  public static final ASN1ObjectIdentifier PASSPORT_2023 = IDENTIFY_CODE.branch("2");
  public static final ASN1ObjectIdentifier UNIFIED_SOCIAL_CREDIT_CODE =
      new ASN1ObjectIdentifier("1.2.156.10260.4.4");

  private static final Map<IdentifierKind, Integer> IDENTIFY_CODE_TAGS =
      Map.of(
          IdentifierKind.RESIDENT_ID_CARD, 0,
          IdentifierKind.MILITARY_OFFICER_ID, 1,
          IdentifierKind.PASSPORT, 2);

  private IdentityExtensions() {}

  /** The extension OID an identifier of {@code kind} is written under in {@code edition}. */
  public static ASN1ObjectIdentifier oid(IdentityEdition edition, IdentifierKind kind) {
    if (!edition.supports(kind)) {
      throw new IllegalArgumentException(edition + " has no extension for " + kind);
    }
    return switch (kind) {
      case RESIDENT_ID_CARD ->
          edition == IdentityEdition.GMT0015_2012 ? IDENTIFY_CODE : RESIDENT_ID_CARD_2023;
      case MILITARY_OFFICER_ID -> IDENTIFY_CODE;
      case PASSPORT -> edition == IdentityEdition.GMT0015_2012 ? IDENTIFY_CODE : PASSPORT_2023;
      case SOCIAL_INSURANCE -> INSURANCE_NUMBER;
      case IC_REGISTRATION -> IC_REGISTRATION_NUMBER;
      case ORGANISATION_CODE -> ORGANIZATION_CODE;
      case TAXATION -> TAXATION_NUMBER;
      case UNIFIED_SOCIAL_CREDIT_CODE -> UNIFIED_SOCIAL_CREDIT_CODE;
    };
  }

  /** The extensions for {@code identifiers} (already checked against the profile). */
  public static List<Extension> encode(
      IdentityEdition edition, List<HolderIdentifier> identifiers) {
    List<Extension> extensions = new ArrayList<>();
    for (HolderIdentifier identifier : identifiers) {
      ASN1ObjectIdentifier oid = oid(edition, identifier.kind());
      try {
        extensions.add(
            new Extension(
                oid, false, value(edition, identifier).toASN1Primitive().getEncoded("DER")));
      } catch (IOException e) {
        throw new IllegalStateException("cannot encode identity extension " + oid, e);
      }
    }
    return extensions;
  }

  private static ASN1Encodable value(IdentityEdition edition, HolderIdentifier identifier) {
    IdentifierKind kind = identifier.kind();
    if (edition == IdentityEdition.GMT0015_2012 && IDENTIFY_CODE_TAGS.containsKey(kind)) {
      ASN1Encodable text =
          kind == IdentifierKind.MILITARY_OFFICER_ID
              ? new DERUTF8String(identifier.value())
              : new DERPrintableString(identifier.value());
      return new DERTaggedObject(true, IDENTIFY_CODE_TAGS.get(kind), text);
    }
    return kind == IdentifierKind.PASSPORT
        ? new DERUTF8String(identifier.value())
        : new DERPrintableString(identifier.value());
  }

  /**
   * The identifiers written in {@code extensions} under {@code edition} (renewal and re-key carry
   * them over); values that cannot be read are skipped.
   */
  public static List<HolderIdentifier> decode(IdentityEdition edition, Extensions extensions) {
    Map<IdentifierKind, HolderIdentifier> found = new EnumMap<>(IdentifierKind.class);
    if (extensions == null || edition == IdentityEdition.NONE) {
      return List.of();
    }
    for (IdentifierKind kind : IdentifierKind.values()) {
      if (!edition.supports(kind)) {
        continue;
      }
      Extension extension = extensions.getExtension(oid(edition, kind));
      if (extension != null) {
        read(edition, kind, extension.getParsedValue().toASN1Primitive())
            .flatMap(value -> identifier(kind, value))
            .ifPresent(identifier -> found.put(kind, identifier));
      }
    }
    return List.copyOf(found.values());
  }

  private static Optional<HolderIdentifier> identifier(IdentifierKind kind, String value) {
    try {
      return Optional.of(new HolderIdentifier(kind, value));
    } catch (IllegalArgumentException notValidAnyMore) {
      return Optional.empty();
    }
  }

  private static Optional<String> read(
      IdentityEdition edition, IdentifierKind kind, ASN1Primitive value) {
    if (edition == IdentityEdition.GMT0015_2012 && IDENTIFY_CODE_TAGS.containsKey(kind)) {
      if (!(value instanceof ASN1TaggedObject tagged)
          || tagged.getTagNo() != IDENTIFY_CODE_TAGS.get(kind)) {
        return Optional.empty();
      }
      value = tagged.getExplicitBaseObject().toASN1Primitive();
    }
    return value instanceof ASN1String text ? Optional.of(text.getString()) : Optional.empty();
  }
}
