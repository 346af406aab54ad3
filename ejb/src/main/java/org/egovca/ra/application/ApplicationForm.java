package org.egovca.ra.application;

import java.io.Serializable;
import org.egovca.ra.domain.FeeStatus;

/**
 * What the entry clerk types for a new certificate application (CPS §6.1.4.1, §7.1.3): the profile
 * (its certificate type follows), whether an encryption certificate goes with it, the subject's
 * name attributes, the holder's PKCS#10, the applicant's identity data, consent, agreement and fee.
 *
 * @param dnsNames for device certificates, host names or IP addresses, one per line
 * @param idDocumentType an {@code IdentifierKind} name: RESIDENT_ID_CARD, PASSPORT, …
 * @param organisationCode unified social credit code (18 characters) or organisation code (9)
 * @param applicationUnit code of the application unit the certificate is for, or blank
 */
public record ApplicationForm(
    String profile,
    boolean dualCertificate,
    String commonName,
    String organisationalUnit,
    String organisation,
    String locality,
    String province,
    String country,
    String dnsNames,
    String pkcs10,
    String applicantName,
    String idDocumentType,
    String idDocumentNumber,
    String organisationName,
    String organisationCode,
    String businessLicenceNumber,
    String agentName,
    String agentIdDocumentType,
    String agentIdDocumentNumber,
    String email,
    String phone,
    boolean publishConsent,
    boolean agreementAccepted,
    FeeStatus feeStatus,
    String applicationUnit)
    implements Serializable {}
