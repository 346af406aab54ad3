/**
 * X.509 mechanics on top of BouncyCastle: reading PKCS#10 requests and checking their proof of
 * possession, building subject names in the GM/T 0015 encoding, and assembling certificates whose
 * extensions follow GM/T 0015 Annex C. Signing is always delegated to the crypto token.
 */
package org.egovca.ca.x509;
