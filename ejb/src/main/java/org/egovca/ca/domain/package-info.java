/**
 * The CA's domain model: the certificate authorities, the certificates they issued, the RA client
 * accounts allowed to request certificates, the audit log, and the certificate profiles that say
 * what a certificate of each type must contain. Entities guard their own invariants; nothing here
 * talks to the crypto token, the network or the directory.
 */
package org.egovca.ca.domain;
