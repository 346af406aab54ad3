package org.egovca.ca.application;

/**
 * One request of a batch a remote RA submits: what {@link RemoteRaService#issueCertificate} takes
 * for a single certificate.
 *
 * @param profile certificate profile name, for example {@code personal-sign}
 * @param subjectDn the vetted subject DN (RFC 4514 syntax); it replaces the request's subject
 * @param pkcs10 the holder's PKCS#10 request, base64 DER or PEM
 */
public record IssuanceRequest(String profile, String subjectDn, String pkcs10) {}
