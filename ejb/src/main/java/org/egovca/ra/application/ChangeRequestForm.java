package org.egovca.ra.application;

import java.io.Serializable;

/**
 * A renewal, re-key or revocation request for an existing certificate, entered by an entry clerk
 * after checking the requester's identity against the certificate's registration data.
 *
 * @param serial the certificate's serial number (hex)
 * @param pkcs10 renewal: a request with the certificate's key; re-key: with the new key
 * @param renewalProof renewal and re-key: the holder's fresh renewal proof statement (see {@link
 *     org.egovca.ca.x509.RenewalProof}), naming the certificate and this request
 * @param renewalProofSignature its signature with the certificate's current key (base64)
 * @param revocationReason A to J of CPS §6.1.4.8.1
 * @param initiator HOLDER, RA, CA, RELYING_PARTY or JUDICIAL_AUTHORITY
 */
public record ChangeRequestForm(
    String serial,
    String pkcs10,
    String renewalProof,
    String renewalProofSignature,
    String revocationReason,
    String initiator,
    String requesterName,
    String idDocumentType,
    String idDocumentNumber,
    String email,
    String phone)
    implements Serializable {}
