package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNamesTest {

  private static final CertificateProfile PERSONAL_SIGN = TestProfiles.named("personal-sign");

  private static final String C = "2.5.4.6";
  private static final String ST = "2.5.4.8";
  private static final String L = "2.5.4.7";
  private static final String O = "2.5.4.10";
  private static final String OU = "2.5.4.11";
  private static final String CN = "2.5.4.3";
  private static final String E = "1.2.840.113549.1.9.1";

  private static X500Name parse(String dn) {
    return SubjectNames.parse(dn, PERSONAL_SIGN);
  }

  private static List<String> typeOrder(X500Name name) {
    return Arrays.stream(name.getRDNs()).map(rdn -> rdn.getFirst().getType().getId()).toList();
  }

  private static ASN1Encodable value(X500Name name, String oid) {
    RDN[] rdns = name.getRDNs(new ASN1ObjectIdentifier(oid));
    assertEquals(1, rdns.length, "one " + oid);
    return rdns[0].getFirst().getValue();
  }

  private static Refusal refused(String dn) {
    Refusal e = assertThrows(Refusal.class, () -> parse(dn));
    assertEquals(RefusalCode.INVALID_SUBJECT, e.code(), e.getMessage());
    return e;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "E=zs@example.cn,CN=Zhang San,OU=Dev,O=Example,L=Haidian,ST=Beijing,C=CN",
        "C=CN,ST=Beijing,L=Haidian,O=Example,OU=Dev,CN=Zhang San,E=zs@example.cn",
        "CN=Zhang San,C=CN,E=zs@example.cn,O=Example,L=Haidian,OU=Dev,ST=Beijing",
        "OU=Dev,E=zs@example.cn,ST=Beijing,CN=Zhang San,C=CN,L=Haidian,O=Example"
      })
  void encodesRdnsAlwaysInTheOrderCStLOOuCnE(String dn) {
    X500Name name = parse(dn);

    assertEquals(List.of(C, ST, L, O, OU, CN, E), typeOrder(name));
  }

  @Test
  void sameNameInAnyInputOrderEncodesToIdenticalBytes() throws Exception {
    byte[] a = parse("CN=Zhang San,O=Example,C=CN").getEncoded();
    byte[] b = parse("C=CN,CN=Zhang San,O=Example").getEncoded();

    assertTrue(Arrays.equals(a, b));
  }

  @Test
  void encodesCountryAsPrintableStringEmailAsIa5StringAndTheRestAsUtf8String() {
    X500Name name =
        parse("E=zs@example.cn,CN=Zhang San,OU=Dev,O=Example,L=Haidian,ST=Beijing,C=CN");

    assertInstanceOf(DERPrintableString.class, value(name, C));
    assertInstanceOf(DERIA5String.class, value(name, E));
    for (String oid : List.of(CN, O, OU, L, ST)) {
      assertInstanceOf(DERUTF8String.class, value(name, oid), oid);
    }
    assertEquals("zs@example.cn", ((ASN1String) value(name, E)).getString());
    assertEquals("Haidian", ((ASN1String) value(name, L)).getString());
  }

  @Test
  void cpsAliasSMapsToStateOrProvince() {
    X500Name name = parse("CN=x,S=Beijing");

    assertEquals(List.of(ST, CN), typeOrder(name));
    assertEquals("Beijing", ((ASN1String) value(name, ST)).getString());
  }

  @Test
  void emailAddressSpellingIsAcceptedForE() {
    X500Name name = parse("CN=x,EMAILADDRESS=x@example.cn");

    assertEquals("x@example.cn", ((ASN1String) value(name, E)).getString());
  }

  @Test
  void chineseValuesSurviveAsUtf8String() {
    X500Name name = parse("CN=张三,OU=信息中心,O=北京市政务服务管理局,L=海淀区,S=北京市,C=CN");

    assertEquals("张三", ((ASN1String) value(name, CN)).getString());
    assertEquals("信息中心", ((ASN1String) value(name, OU)).getString());
    assertEquals("北京市政务服务管理局", ((ASN1String) value(name, O)).getString());
    assertEquals("海淀区", ((ASN1String) value(name, L)).getString());
    assertEquals("北京市", ((ASN1String) value(name, ST)).getString());
    assertInstanceOf(DERUTF8String.class, value(name, CN));
  }

  @Test
  void surroundingSpacesOfValuesAreDropped() {
    assertEquals("Zhang San", ((ASN1String) value(parse("CN=  Zhang San  "), CN)).getString());
  }

  @Test
  void organisationalUnitMayRepeatInInputOrder() {
    X500Name name = parse("CN=x,OU=Dev,OU=Platform,O=Example");

    RDN[] units = name.getRDNs(new ASN1ObjectIdentifier(OU));
    assertEquals(2, units.length);
    assertEquals(List.of(O, OU, OU, CN), typeOrder(name));
  }

  @Test
  void acceptsCommonNameOfExactly64Characters() {
    String cn = "a".repeat(64);

    assertEquals(cn, ((ASN1String) value(parse("CN=" + cn), CN)).getString());
  }

  @Test
  void displayStringIsMostSpecificFirst() {
    X500Name name = parse("C=CN,O=Example,CN=Zhang San");

    assertEquals("CN=Zhang San,O=Example,C=CN", SubjectNames.toDisplayString(name));
  }

  @Test
  void displayStringOfAFullNameReadsEmailFirstAndCountryLast() {
    X500Name name = parse("C=CN,S=Beijing,CN=x,E=x@example.cn");

    assertEquals("E=x@example.cn,CN=x,ST=Beijing,C=CN", SubjectNames.toDisplayString(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyNameIsRefused(String dn) {
    assertTrue(refused(dn).getMessage().contains("empty"));
  }

  @Test
  void nullNameIsRefused() {
    assertTrue(refused(null).getMessage().contains("empty"));
  }

  @Test
  void nameWithoutCommonNameIsRefused() {
    Refusal e = refused("O=Example,C=CN");

    assertTrue(e.getMessage().contains("has no CN"), e.getMessage());
    assertTrue(e.getMessage().contains("personal-sign"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"CN=x,UID=x | UID", "CN=x,SERIALNUMBER=1 | SERIALNUMBER", "CN=x,DC=example | DC"})
  void attributeOutsideTheCpsListIsRefusedNamingIt(String dn, String attribute) {
    Refusal e = refused(dn);

    assertTrue(e.getMessage().contains(attribute), e.getMessage());
    assertTrue(e.getMessage().contains("not one of"), e.getMessage());
  }

  @Test
  void unknownAttributeNameIsRefusedAsInvalidName() {
    Refusal e = refused("CN=x,FOO=bar");

    assertTrue(e.getMessage().contains("not a valid distinguished name"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CN", ",CN=x", "CN=x,,O=y"})
  void syntacticallyBrokenNameIsRefused(String dn) {
    refused(dn);
  }

  @Test
  void multiValuedRdnIsRefused() {
    assertTrue(refused("CN=a+O=b").getMessage().contains("multi-valued"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CN=a\u0001b", "CN=a\u007fb", "O=a\tb,CN=x", "CN=a\\0Ab"})
  void controlCharactersAreRefused(String dn) {
    assertTrue(refused(dn).getMessage().contains("control characters"));
  }

  @Test
  void commonNameOf65CharactersIsRefused() {
    Refusal e = refused("CN=" + "a".repeat(65));

    assertTrue(e.getMessage().contains("CN is longer than 64"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"C=China", "C=cn", "C=C1", "C=C"})
  void countryThatIsNotTwoUpperCaseLettersIsRefused(String country) {
    Refusal e = refused("CN=x," + country);

    assertTrue(e.getMessage().contains("C "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"E=not-an-address", "E=a@b", "E=@example.cn", "E=a b@example.cn"})
  void malformedEmailIsRefused(String email) {
    assertTrue(refused("CN=x," + email).getMessage().contains("E is not an e-mail address"));
  }

  @Test
  void nonAsciiEmailIsRefusedBecauseItMustBeIa5String() {
    assertTrue(refused("CN=x,E=josé@example.cn").getMessage().contains("ASCII"));
  }

  @Test
  void chineseEmailIsRefused() {
    refused("CN=x,E=张三@example.cn");
  }

  @Test
  void chineseEmailIsNeverSilentlyRewritten() {
    Refusal e = assertThrows(Refusal.class, () -> parse("CN=x,E=乐天@example.cn"));
    assertEquals(RefusalCode.INVALID_SUBJECT, e.code());
  }

  @Test
  void duplicateCommonNameIsRefused() {
    assertTrue(refused("CN=a,CN=b").getMessage().contains("CN more than once"));
  }

  @Test
  void duplicateOrganisationIsRefused() {
    assertTrue(refused("CN=a,O=x,O=y").getMessage().contains("O more than once"));
  }

  @Test
  void emptyValueIsRefused() {
    assertTrue(refused("CN=x,O=").getMessage().contains("empty O"));
  }

  @Test
  void attributeTheProfileDoesNotAllowIsRefused() {
    CertificateProfile cnOnly =
        TestProfiles.changed(
            "personal-sign",
            Map.of(
                "name",
                "cn-only",
                "subject.allowed",
                "CN",
                "altNames.allowed",
                "",
                "identity.edition",
                "NONE",
                "identity.allowed",
                ""));

    Refusal e = assertThrows(Refusal.class, () -> SubjectNames.parse("CN=x,O=y", cnOnly));

    assertEquals(RefusalCode.INVALID_SUBJECT, e.code());
    assertTrue(e.getMessage().contains("O is not allowed by profile cn-only"), e.getMessage());
  }

  @Test
  void escapedSpecialCharactersAreEncodedUnescaped() {
    X500Name name = parse("CN=Example\\, Inc.,O=A\\+B");

    assertEquals("Example, Inc.", ((ASN1String) value(name, CN)).getString());
    assertEquals("A+B", ((ASN1String) value(name, O)).getString());
  }

  @Test
  void hexEncodedValueIsRefusedOrEncodedAsText() {
    try {
      X500Name name = parse("CN=#0101ff");
      assertInstanceOf(ASN1String.class, value(name, CN));
    } catch (Refusal e) {
      assertEquals(RefusalCode.INVALID_SUBJECT, e.code());
    }
  }
}
