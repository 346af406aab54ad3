package org.egovca.ra.application;

import java.io.Serializable;

/**
 * A renewal, re-key or revocation request for an existing certificate, entered by an entry clerk
 * after checking the requester's identity against the certificate's registration data.
 *
 * @param serial the certificate's serial number (hex)
 * @param pkcs10 renewal: a request with the certificate's key; re-key: with the new key
 * @param currentKeySignature re-key: the signature of the current key over the request (base64), or
 *     blank when the holder was vetted in person with their identity document
 * @param revocationReason A to J of CPS §6.1.4.8.1
 * @param initiator HOLDER, RA, CA, RELYING_PARTY or JUDICIAL_AUTHORITY
 */
public record ChangeRequestForm(
    String serial,
    String pkcs10,
    String currentKeySignature,
    String revocationReason,
    String initiator,
    String requesterName,
    String idDocumentType,
    String idDocumentNumber,
    String email,
    String phone)
    implements Serializable {}
