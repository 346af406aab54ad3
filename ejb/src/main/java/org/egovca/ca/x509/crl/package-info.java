/**
 * Streaming X.509 v2 CRL writer (RFC 5280 §5, GM/T 0015 §5.3 and table C.5).
 *
 * <p>The CA must issue CRLs of up to a million entries within a small heap. BouncyCastle's {@code
 * X509v2CRLBuilder} keeps every entry as an object tree, so this package writes the DER itself: the
 * entries are read twice from an {@link org.egovca.ca.x509.crl.EntrySource}, once to learn the
 * lengths DER needs up front and once to encode them, and the to-be-signed part is spooled to a
 * temporary file while the signer consumes it. Only the small fixed parts (names, algorithm
 * identifiers, CRL extensions) go through BouncyCastle's ASN.1 classes. The output is the same DER
 * that {@code X509v2CRLBuilder} produces for the same input; the tests check that byte for byte.
 */
package org.egovca.ca.x509.crl;
