package org.egovca.ca.application;

import java.io.Serializable;
import java.util.List;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/**
 * What a remote RA submits for one certificate, after vetting the application.
 *
 * @param profile certificate profile name, for example {@code personal-sign}
 * @param subjectDn the vetted subject DN (RFC 4514 syntax); it replaces the request's subject
 * @param pkcs10 the holder's PKCS#10 request, base64 DER or PEM
 * @param identifiers the holder's vetted identifiers for the GM/T 0015 identity extensions
 * @param subjectAltNames the vetted subjectAltNames ({@code DNS:…}, {@code IP:…}, {@code EMAIL:…});
 *     names in the PKCS#10 are ignored, like its subject
 * @param applicationUnit the code of the application unit the certificate belongs to (R19), or null
 * @param directoryConsent whether the holder consented to publication in the directory (CPS
 *     §6.1.4.4.2)
 */
public record IssuanceRequest(
    String profile,
    String subjectDn,
    String pkcs10,
    List<RequestedIdentifier> identifiers,
    List<String> subjectAltNames,
    String applicationUnit,
    boolean directoryConsent)
    implements Serializable {

  public IssuanceRequest {
    identifiers = withoutNull(identifiers, "holderIdentifier");
    subjectAltNames = withoutNull(subjectAltNames, "subjectAltName");
  }

  private static <T> List<T> withoutNull(List<T> values, String element) {
    if (values == null) {
      return List.of();
    }
    // Immutable lists refuse contains(null), so look element by element.
    if (values.stream().anyMatch(java.util.Objects::isNull)) {
      throw new Refusal(RefusalCode.MALFORMED_REQUEST, "an empty " + element + " element");
    }
    return List.copyOf(values);
  }

  /** A request of no application unit, whose holder consented to publication. */
  public IssuanceRequest(
      String profile,
      String subjectDn,
      String pkcs10,
      List<RequestedIdentifier> identifiers,
      List<String> subjectAltNames) {
    this(profile, subjectDn, pkcs10, identifiers, subjectAltNames, null, true);
  }

  /** A request with a subject DN and nothing more about the holder. */
  public IssuanceRequest(String profile, String subjectDn, String pkcs10) {
    this(profile, subjectDn, pkcs10, List.of(), List.of());
  }
}
