/**
 * The OCSP responder core (RFC 6960), independent of any transport: {@link
 * org.egovca.ca.x509.ocsp.OcspResponder} turns a DER request into a signed DER response, {@link
 * org.egovca.ca.x509.ocsp.OcspResponseCache} keeps RFC 5019-style pre-signed answers for requests
 * without nonce, and {@link org.egovca.ca.x509.ocsp.OcspHttpCaching} derives the HTTP caching
 * headers an endpoint sends with a response.
 *
 * <p>The package knows nothing about the database or the HTTP layer: certificate status comes in
 * through the {@link org.egovca.ca.x509.ocsp.CertificateStatusLookup} port, and signing goes
 * through a BouncyCastle {@link org.bouncycastle.operator.ContentSigner} that the crypto token
 * supplies, so private keys never reach this code. Both SM2 (SM3withSM2, default user ID) and RSA
 * responders are supported, signing either as the CA itself or as a delegated OCSP responder.
 */
package org.egovca.ca.x509.ocsp;
