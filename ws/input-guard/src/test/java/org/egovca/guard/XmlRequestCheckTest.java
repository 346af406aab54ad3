package org.egovca.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlRequestCheckTest {

  private static final String DTD_REFUSED =
      "the request contains a DTD (<!DOCTYPE …>): DTDs and entity declarations are not accepted";

  private static final String BODY =
      "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
          + " xmlns:ra=\"http://egovca.org/ws/ra/v1\"><s:Body><ra:issueCertificate>"
          + "<profile>personal-sign</profile><subjectDn>CN=张三,O=测试单位,C=CN</subjectDn>"
          + "<pkcs10>MIIB</pkcs10></ra:issueCertificate></s:Body></s:Envelope>";

  private static final String BILLION_LAUGHS =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
          + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
          + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
          + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
          + "<x>&lol3;</x></s:Body></s:Envelope>";

  @Test
  void anOrdinarySoapRequestPassesInEveryEncoding() {
    for (Charset charset :
        new Charset[] {
          StandardCharsets.UTF_8,
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE,
          Charset.forName("GB18030"),
          Charset.forName("UTF-32BE")
        }) {
      assertEquals(
          Optional.empty(), check(BODY.getBytes(charset), "text/xml; charset=" + charset.name()));
    }
    assertEquals(
        Optional.empty(),
        check(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + BODY).getBytes(UTF8), null));
  }

  @Test
  void aDoctypeIsRefusedWhereverItHidesAndHoweverItIsEncoded() {
    String doctype = "<!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
    String afterProlog =
        "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<?pi data?>\n" + doctype + BODY;
    assertEquals(Optional.of(DTD_REFUSED), check(afterProlog.getBytes(UTF8), "text/xml"));
    assertEquals(
        Optional.of(DTD_REFUSED),
        check(
            withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, afterProlog, UTF8), null));
    // UTF-16 with a byte order mark, without one, and with a Content-Type that claims UTF-8
    assertEquals(
        Optional.of(DTD_REFUSED),
        check(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, afterProlog, UTF16LE), null));
    assertEquals(
        Optional.of(DTD_REFUSED),
        check(afterProlog.getBytes(StandardCharsets.UTF_16BE), "text/xml; charset=utf-8"));
    assertEquals(
        Optional.of(DTD_REFUSED),
        check(afterProlog.getBytes(Charset.forName("UTF-32LE")), "text/xml"));
    // a Content-Type naming UTF-16 for a body whose bytes look like UTF-8
    String ascii = "<a>" + new String(new char[] {'\u213c', '\u4421'}) + "</a>";
    assertEquals(
        Optional.empty(), check(ascii.getBytes(UTF16LE), "text/xml; charset=\"UTF-16LE\""));
  }

  @Test
  void entityExpansionIsRefusedAsADtd() {
    assertEquals(Optional.of(DTD_REFUSED), check(BILLION_LAUGHS.getBytes(UTF8), "text/xml"));
    assertTrue(jdkParserSeesADtd(BILLION_LAUGHS), "the JDK's parser agrees there is a DTD");
  }

  @Test
  void aMarkupDeclarationWithoutDoctypeIsNamed() {
    assertEquals(
        Optional.of(
            "the request contains a markup declaration (<!ENTITY …>): DTDs and entity declarations"
                + " are not accepted"),
        check("<a><!ENTITY x \"y\"></a>".getBytes(UTF8), null));
  }

  @Test
  void declarationLookalikesInCommentsCdataProcessingInstructionsAndAttributesPass() {
    String body =
        "<a t='x>y' u=\"<!DOCTYPE\"><!-- <!DOCTYPE a> --><![CDATA[<!DOCTYPE a>]]]><?p <!DOCTYPE?>"
            + "<b/></a>";
    assertEquals(Optional.empty(), check(body.getBytes(UTF8), null));
    // the CDATA section above ends at "]]]>": markup after it is seen again
    assertEquals(
        Optional.of(DTD_REFUSED), check("<a><![CDATA[x]]]><!DOCTYPE a></a>".getBytes(UTF8), null));
  }

  @Test
  void moreElementsThanTheServiceAcceptsAreRefused() {
    StringBuilder batch = new StringBuilder("<a>");
    for (int i = 1; i < 100; i++) {
      batch.append("<request/>");
    }
    batch.append("</a>");
    byte[] hundred = batch.toString().getBytes(UTF8);
    assertEquals(Optional.empty(), XmlRequestCheck.problem(hundred, hundred.length, null, 100));
    assertEquals(
        Optional.of("the request has more than 99 XML elements, the most this service accepts"),
        XmlRequestCheck.problem(hundred, hundred.length, null, 99));
  }

  @Test
  void onlyXmlMediaTypesInCharsetsTheCheckFollowsAreAccepted() {
    for (String accepted :
        new String[] {
          "text/xml",
          "text/xml; charset=utf-8",
          "TEXT/XML;CHARSET=\"UTF-16\"",
          "text/xml; charset=utf8",
          "application/soap+xml; charset=GB18030; action=\"urn:issue\""
        }) {
      assertEquals(Optional.empty(), XmlRequestCheck.unsupportedContentType(accepted), accepted);
    }
    String accepts =
        ": this service accepts text/xml or application/soap+xml, with no charset or one of UTF-8,"
            + " UTF-16, UTF-16BE, UTF-16LE, UTF-32, UTF-32BE, UTF-32LE, US-ASCII, ISO-8859-1,"
            + " GB18030, GBK, GB2312";
    assertEquals(
        Optional.of("the request's Content-Type is \"multipart/related\"" + accepts),
        XmlRequestCheck.unsupportedContentType(
            "multipart/related; type=\"application/xop+xml\"; boundary=x"));
    assertEquals(
        Optional.of("the request's charset is \"IBM037\"" + accepts),
        XmlRequestCheck.unsupportedContentType("text/xml; charset=IBM037"));
    assertEquals(
        Optional.of("the request's charset is \"x-unknown\"" + accepts),
        XmlRequestCheck.unsupportedContentType("text/xml; charset=x-unknown"));
    assertEquals(
        Optional.of("the request has no Content-Type" + accepts),
        XmlRequestCheck.unsupportedContentType(null));
    assertEquals(
        Optional.of("the request's Content-Type is \"text/html?\"" + accepts),
        XmlRequestCheck.unsupportedContentType("text/html\u0007"));
  }

  @Test
  void aBodyInAnEncodingTheCheckCannotFollowIsRefusedWhateverTheHeaderSays() {
    String withDtd = "<?xml version=\"1.0\" encoding=\"IBM037\"?><!DOCTYPE x []>" + BODY;
    byte[] ebcdic = withDtd.getBytes(Charset.forName("IBM037"));
    // the parser detects EBCDIC from its first bytes (XML 1.0 Appendix F); the check cannot
    assertTrue(
        XmlRequestCheck.unsupportedEncoding(ebcdic, ebcdic.length, "text/xml")
            .orElseThrow()
            .startsWith("the request body does not begin with '<' in UTF-8"));
    assertTrue(check(ebcdic, "text/xml").orElseThrow().startsWith("the request body does not"));
    byte[] utf7 =
        ("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE x+AD4-" + BODY).getBytes(UTF8);
    assertTrue(
        check(utf7, "text/xml")
            .orElseThrow()
            .startsWith("the request's XML declaration names the encoding \"UTF-7\""));
    byte[] utf16 = BODY.getBytes(StandardCharsets.UTF_16);
    assertEquals(Optional.empty(), XmlRequestCheck.unsupportedEncoding(utf16, utf16.length, null));
    byte[] spaced = ("\r\n  " + BODY).getBytes(UTF8);
    assertEquals(Optional.empty(), check(spaced, "text/xml"));
  }

  private static final Charset UTF8 = StandardCharsets.UTF_8;
  private static final Charset UTF16LE = StandardCharsets.UTF_16LE;

  private static Optional<String> check(byte[] body, String contentType) {
    return XmlRequestCheck.problem(body, body.length, contentType, 10_000);
  }

  private static byte[] withBom(byte[] bom, String text, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }

  /** The JDK's StAX parser, told not to expand or fetch anything, reports a DTD event. */
  private static boolean jdkParserSeesADtd(String xml) {
    try {
      XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
      factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      XMLStreamReader reader =
          factory.createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(UTF8)));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.DTD) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
