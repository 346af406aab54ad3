package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.egovca.ca.domain.HolderIdentifier;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.IdentityEdition;
import org.junit.jupiter.api.Test;

class IdentityExtensionsTest {

  private static final HolderIdentifier ID_CARD =
      new HolderIdentifier(IdentifierKind.RESIDENT_ID_CARD, "11010519491231002X");
  private static final HolderIdentifier PASSPORT =
      new HolderIdentifier(IdentifierKind.PASSPORT, "E12345678");
  private static final HolderIdentifier USCC =
      new HolderIdentifier(IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE, "91350100M000100Y43");
  private static final HolderIdentifier ORGANISATION_CODE =
      new HolderIdentifier(IdentifierKind.ORGANISATION_CODE, "M000100Y4");

  @Test
  void edition2012WritesIdentifyCodeAsExplicitlyTaggedChoice() throws Exception {
    Extension extension =
        IdentityExtensions.encode(IdentityEdition.GMT0015_2012, List.of(ID_CARD)).get(0);

    assertEquals("1.2.156.10260.4.1.1", extension.getExtnId().getId());
    assertFalse(extension.isCritical());
    ASN1TaggedObject choice =
        ASN1TaggedObject.getInstance(
            ASN1Primitive.fromByteArray(extension.getExtnValue().getOctets()));
    assertEquals(0, choice.getTagNo());
    assertEquals(
        new DERPrintableString("11010519491231002X"),
        choice.getExplicitBaseObject().toASN1Primitive());
  }

  @Test
  void edition2012WritesOrganisationCodeAsPrintableString() {
    Extension extension =
        IdentityExtensions.encode(IdentityEdition.GMT0015_2012, List.of(ORGANISATION_CODE)).get(0);
    assertEquals("1.2.156.10260.4.1.4", extension.getExtnId().getId());
    assertEquals(new DERPrintableString("M000100Y4"), extension.getParsedValue());
  }

  @Test
  void edition2023UsesItsOwnOidsAndPassportAsUtf8String() {
    List<Extension> extensions =
        IdentityExtensions.encode(IdentityEdition.GMT0015_2023, List.of(ID_CARD, PASSPORT, USCC));

    assertEquals("1.2.156.10260.4.1.1.1", extensions.get(0).getExtnId().getId());
    assertEquals(new DERPrintableString("11010519491231002X"), extensions.get(0).getParsedValue());
    assertEquals("1.2.156.10260.4.1.1.2", extensions.get(1).getExtnId().getId());
    assertEquals(new DERUTF8String("E12345678"), extensions.get(1).getParsedValue());
    assertEquals("1.2.156.10260.4.4", extensions.get(2).getExtnId().getId());
  }

  @Test
  void decodeReadsBackWhatEncodeWrote() {
    for (IdentityEdition edition :
        List.of(IdentityEdition.GMT0015_2012, IdentityEdition.GMT0015_2023)) {
      List<HolderIdentifier> identifiers =
          edition == IdentityEdition.GMT0015_2012
              ? List.of(ID_CARD, ORGANISATION_CODE)
              : List.of(ID_CARD, USCC);
      Extensions extensions =
          new Extensions(IdentityExtensions.encode(edition, identifiers).toArray(Extension[]::new));
      assertEquals(identifiers, IdentityExtensions.decode(edition, extensions), edition.name());
    }
  }
}
