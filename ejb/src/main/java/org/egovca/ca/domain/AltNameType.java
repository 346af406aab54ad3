package org.egovca.ca.domain;

import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;

/** The subjectAltName forms a profile may allow. */
public enum AltNameType {
  DNS(GeneralName.dNSName),
  IP(GeneralName.iPAddress),
  EMAIL(GeneralName.rfc822Name);

  private final int tag;

  AltNameType(int tag) {
    this.tag = tag;
  }

  public int tag() {
    return tag;
  }

  public static Optional<AltNameType> of(GeneralName name) {
    for (AltNameType type : values()) {
      if (type.tag == name.getTagNo()) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
