package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import org.egovca.ca.application.ProfileView;

/** One certificate profile in the answer of {@code listProfiles}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "CertificateProfile",
    propOrder = {
      "name",
      "version",
      "type",
      "purpose",
      "keyAlgorithms",
      "legacy",
      "validityDays",
      "encryptionCounterpart"
    })
public class ProfileElement {

  private String name;
  private int version;
  private String type;
  private String purpose;

  @XmlElement(name = "keyAlgorithm")
  private List<String> keyAlgorithms;

  private boolean legacy;
  private int validityDays;
  private String encryptionCounterpart;

  public ProfileElement() {}

  static ProfileElement of(ProfileView view) {
    ProfileElement element = new ProfileElement();
    element.name = view.name();
    element.version = view.version();
    element.type = view.type();
    element.purpose = view.purpose();
    element.keyAlgorithms = view.keyAlgorithms();
    element.legacy = view.legacy();
    element.validityDays = view.validityDays();
    element.encryptionCounterpart = view.encryptionCounterpart();
    return element;
  }
}
