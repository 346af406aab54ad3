/**
 * The CA's domain model: the certificate authorities, the certificates they issued, the client
 * accounts of the machines that call the CA (remote RAs, e-gov systems), the audit log, and the
 * certificate profiles that say what a certificate of each type must contain. Entities guard their
 * own invariants; nothing here talks to the crypto token, the network or the directory.
 */
package org.egovca.ca.domain;
