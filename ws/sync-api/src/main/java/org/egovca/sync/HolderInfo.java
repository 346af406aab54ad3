package org.egovca.sync;

/**
 * The holder's basic information a certificate sync carries, as on the certificate and in the RA's
 * records.
 *
 * @param subjectDn the certificate's subject DN as an RFC 4514 string; required
 * @param commonName the holder's name (person, organisation, device or system); required
 * @param organisation the organisation the holder belongs to; nullable
 * @param identifierType the kind of the holder's identifier as the CA names it (for example {@code
 *     RESIDENT_ID_CARD}); nullable
 * @param identifierValue the identifier of that kind; nullable, present exactly when identifierType
 *     is
 */
public record HolderInfo(
    String subjectDn,
    String commonName,
    String organisation,
    String identifierType,
    String identifierValue) {

  /**
   * Checks the fields; empty optional fields become null (the canonical payload cannot tell them
   * apart).
   *
   * @throws IllegalArgumentException naming the first field that breaks the rules of the interface
   */
  public HolderInfo {
    subjectDn = MessageFields.text("holder.subjectDn", subjectDn);
    commonName = MessageFields.text("holder.commonName", commonName);
    organisation = MessageFields.optionalText("holder.organisation", organisation);
    identifierType = MessageFields.optionalText("holder.identifierType", identifierType);
    identifierValue = MessageFields.optionalText("holder.identifierValue", identifierValue);
    if ((identifierType == null) != (identifierValue == null)) {
      throw new IllegalArgumentException(
          "holder.identifierType and holder.identifierValue go together");
    }
  }
}
