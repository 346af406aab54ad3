package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.List;
import org.egovca.ca.application.RequestedIdentifier;

/**
 * {@code <holderIdentifier kind="RESIDENT_ID_CARD">11010519491231002X</holderIdentifier>}: one
 * vetted identifier of the holder for the GM/T 0015 identity extensions.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "HolderIdentifier")
public class HolderIdentifierElement {

  @XmlAttribute(required = true)
  private String kind;

  @XmlValue private String value;

  public HolderIdentifierElement() {}

  static List<RequestedIdentifier> toRequested(List<HolderIdentifierElement> elements) {
    return elements == null
        ? List.of()
        : elements.stream()
            .map(e -> e == null ? new RequestedIdentifier(null, null) : e.toRequested())
            .toList();
  }

  private RequestedIdentifier toRequested() {
    return new RequestedIdentifier(kind, value);
  }
}
