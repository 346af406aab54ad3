package org.egovca.guard;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Fuzzes the check every SOAP body passes before Metro parses it. Contract: it answers (a problem
 * or none) and never throws; and whatever it lets through, the JDK's StAX parser (the one Metro
 * uses on Payara) reads without meeting a DTD and without more elements than allowed.
 */
class XmlRequestCheckFuzzTest {

  private static final int MAX_ELEMENTS = 50;

  private static final XMLInputFactory PARSER = XMLInputFactory.newDefaultFactory();

  static {
    // report, never expand or fetch: the test watches for what the check should have refused
    PARSER.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    PARSER.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  @FuzzTest(maxDuration = "15s")
  void acceptedBodiesHaveNoDtdAndFewElements(byte[] body) {
    for (String contentType : new String[] {null, "text/xml; charset=utf-8"}) {
      Optional<String> problem =
          XmlRequestCheck.problem(body, body.length, contentType, MAX_ELEMENTS);
      if (problem.isEmpty()) {
        parse(body, contentType);
      }
    }
  }

  private static void parse(byte[] body, String contentType) {
    int elements = 0;
    try {
      XMLStreamReader reader =
          contentType == null
              ? PARSER.createXMLStreamReader(new ByteArrayInputStream(body))
              : PARSER.createXMLStreamReader(new ByteArrayInputStream(body), "UTF-8");
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw new AssertionError("a DTD passed the check: " + reader.getText());
        }
        if (event == XMLStreamConstants.START_ELEMENT && ++elements > MAX_ELEMENTS) {
          throw new AssertionError("more than " + MAX_ELEMENTS + " elements passed the check");
        }
      }
    } catch (XMLStreamException | RuntimeException notXml) {
      // the parser's own refusal of malformed XML: what the SOAP fault says then is Metro's
    }
  }
}
