/**
 * The Bean Validation constraints of the RA's forms, for the checks that belong to the domain: text
 * an operator may type at all, subject DN values free of DN syntax, host names a certificate can
 * carry, identity documents and organisation codes with their check characters, and the revocation
 * conditions and initiators of the CPS. The validators reuse the CA domain's rules ({@link
 * org.egovca.ca.domain.IdentifierKind}, {@link org.egovca.ca.x509.SubjectAltNames}, {@link
 * org.egovca.ca.domain.RevocationReason}). A constraint's message is a key of {@code
 * ValidationMessages}; where the domain says more than the key (which check character, which host
 * name), the violation carries those words instead and the key stays the constraint's.
 */
package org.egovca.ra.domain.validation;
