package org.egovca.ca.x509;

import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.domain.HolderIdentifier;

/**
 * What an end-entity certificate says about its holder: the subject name, the certified key, the
 * subjectAltNames and the identifiers for the GM/T 0015 identity extensions.
 */
public record EndEntityContent(
    X500Name subject,
    SubjectPublicKeyInfo key,
    List<GeneralName> subjectAltNames,
    List<HolderIdentifier> identifiers) {

  public EndEntityContent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(key, "key");
    subjectAltNames = List.copyOf(subjectAltNames);
    identifiers = List.copyOf(identifiers);
  }

  /** A holder with a name and a key and nothing else. */
  public static EndEntityContent of(X500Name subject, SubjectPublicKeyInfo key) {
    return new EndEntityContent(subject, key, List.of(), List.of());
  }
}
