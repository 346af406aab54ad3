package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.directory.api.ldap.model.name.Dn;
import org.junit.jupiter.api.Test;

class EntryDnMapperTest {

  private final EntryDnMapper mapper = new EntryDnMapper("o=iFutureCA,c=CN");

  private String map(String subject) {
    return mapper.entryDn(subject).getName();
  }

  @Test
  void dropsTheCountryAndAppendsTheBase() {
    assertEquals("cn=Alice,ou=Dev,o=Org,o=iFutureCA,c=CN", map("CN=Alice,OU=Dev,O=Org,C=CN"));
  }

  @Test
  void namesACaUnderTheBase() {
    assertEquals("cn=iFutureCA Root,o=iFutureCA,c=CN", map("CN=iFutureCA Root,C=CN"));
  }

  @Test
  void doesNotRepeatTheBaseWhenTheSubjectLiesUnderIt() {
    assertEquals("cn=iFutureCA-SM2,o=iFutureCA,c=CN", map("CN=iFutureCA-SM2,O=iFutureCA,C=CN"));
    assertEquals("cn=Alice,ou=Dev,o=iFutureCA,c=CN", map("CN=Alice,OU=Dev,O=iFutureCA,C=CN"));
  }

  @Test
  void comparesTheBaseCaseInsensitivelyAndWithoutTheCountry() {
    assertEquals("cn=iFutureCA-RSA,o=iFutureCA,c=CN", map("CN=iFutureCA-RSA,O=IFUTURECA,C=CN"));
    assertEquals("cn=iFutureCA-RSA,o=iFutureCA,c=CN", map("CN=iFutureCA-RSA,O=iFutureCA"));
  }

  @Test
  void aSubjectNamingExactlyTheBaseIsTheBaseEntry() {
    Dn base = mapper.entryDn("O=iFutureCA,C=CN");
    assertEquals("o=iFutureCA,c=CN", base.getName());
    assertEquals(mapper.baseSize(), base.size());
  }

  @Test
  void nestsASubjectThatOnlyResemblesTheBase() {
    assertEquals("cn=X,ou=iFutureCA,o=iFutureCA,c=CN", map("CN=X,OU=iFutureCA,C=CN"));
    assertEquals("cn=X,o=iFutureCA,o=Other,o=iFutureCA,c=CN", map("CN=X,O=iFutureCA,O=Other,C=CN"));
  }

  @Test
  void stripsAMultiLevelBase() {
    EntryDnMapper people = new EntryDnMapper("ou=People,o=iFutureCA,c=CN");
    assertEquals(
        "cn=A,ou=People,o=iFutureCA,c=CN",
        people.entryDn("CN=A,OU=People,O=iFutureCA,C=CN").getName());
    assertEquals(
        "cn=A,o=iFutureCA,ou=People,o=iFutureCA,c=CN",
        people.entryDn("CN=A,O=iFutureCA,C=CN").getName());
  }

  @Test
  void keepsChineseValuesAsTheyAre() {
    assertEquals("cn=张三,ou=研发部,o=测试单位,o=iFutureCA,c=CN", map("CN=张三,OU=研发部,O=测试单位,C=CN"));
  }

  @Test
  void dropsEmailRdnsInEverySpelling() {
    assertEquals(
        "cn=Bob,o=Org,o=iFutureCA,c=CN",
        map("E=bob@example.cn,CN=Bob,EMAILADDRESS=b@example.cn,O=Org,C=CN"));
    assertEquals(
        "cn=Bob,o=iFutureCA,c=CN",
        map("CN=Bob+1.2.840.113549.1.9.1=#160d626f62406578616d706c652e636e"));
  }

  @Test
  void dropsEveryCountryRdn() {
    assertEquals("cn=Carol,o=iFutureCA,c=CN", map("CN=Carol,C=CN,C=US"));
  }

  @Test
  void escapesSpecialCharactersSoTheValuesSurvive() {
    Dn entry = mapper.entryDn("CN=Doe\\, John\\+Jr \\\"x\\\"\\;y\\<z\\>\\\\,OU=\\#1 team\\ ,C=CN");
    assertEquals(
        "cn=Doe\\, John\\+Jr \\\"x\\\"\\;y\\<z\\>\\\\,ou=\\#1 team\\ ,o=iFutureCA,c=CN",
        entry.getName());
    assertEquals("Doe, John+Jr \"x\";y<z>\\", entry.getRdn().getValue());
    assertEquals("#1 team ", entry.getParent().getRdn().getValue());
    assertEquals(4, entry.size());
  }

  @Test
  void readsHexEncodedDirectoryStrings() {
    // 2.5.4.5 (serialNumber) as a PrintableString "1234", as the JDK prints it
    assertEquals(
        "serialNumber=1234,cn=Dave,o=iFutureCA,c=CN", map("2.5.4.5=#130431323334,CN=Dave,C=CN"));
    // a UTF8String "张三" under the OID of cn
    assertEquals("cn=张三,o=iFutureCA,c=CN", map("2.5.4.3=#0c06e5bca0e4b889,C=CN"));
  }

  @Test
  void refusesASubjectWithNothingLeftToName() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> map("C=CN"));
    assertTrue(refused.getMessage().contains("no RDN"), refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> map("E=a@example.cn,C=CN"));
  }

  @Test
  void refusesWhatIsNotADn() {
    assertThrows(IllegalArgumentException.class, () -> map("not a DN"));
    assertThrows(IllegalArgumentException.class, () -> new EntryDnMapper("=,="));
  }

  @Test
  void refusesAHexValueThatIsNotAString() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> map("2.5.4.5=#020101,CN=Eve,C=CN"));
    assertTrue(refused.getMessage().contains("2.5.4.5"), refused.getMessage());
  }
}
