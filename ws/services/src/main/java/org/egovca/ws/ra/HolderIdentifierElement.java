package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.List;
import org.egovca.ca.application.RequestedIdentifier;
import org.egovca.ca.domain.IdentifierKind;

/**
 * {@code <holderIdentifier kind="RESIDENT_ID_CARD">11010519491231002X</holderIdentifier>}: one
 * vetted identifier of the holder for the GM/T 0015 identity extensions. The kinds are the CA's
 * {@link IdentifierKind} names, except that an organisation code is {@value
 * #ORGANISATION_CODE_KIND}, as this contract published it.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "HolderIdentifier")
public class HolderIdentifierElement {

  /**
   * The contract's kind of an organisation code: GM/T 0015's spelling of the extension it fills
   * (OrganizationCode), published before the CA named it {@link IdentifierKind#ORGANISATION_CODE};
   * the contract keeps it for the remote RAs that send it.
   */
  private static final String ORGANISATION_CODE_KIND = "ORGANIZATION_CODE";

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
    return new RequestedIdentifier(caKind(kind), value);
  }

  private static String caKind(String kind) {
    return kind != null && kind.strip().equalsIgnoreCase(ORGANISATION_CODE_KIND)
        ? IdentifierKind.ORGANISATION_CODE.name()
        : kind;
  }
}
