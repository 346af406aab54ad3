/**
 * The PKCS#11 crypto token: {@link org.egovca.hsm.pkcs11.Pkcs11CryptoToken} keeps RSA and EC P-256
 * CA keys in a cryptographic module (SoftHSM2 in tests, a hardware security module in production)
 * and reaches it through the JDK's PKCS#11 wrapper, so the JVM needs {@code --add-exports
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}. The classes split the work: {@code
 * Pkcs11Module} finds the token, {@code SessionPool} holds the login and the sessions, {@code
 * KeyObjects} knows the key objects' attributes, {@code DigestSignatures} signs digests, {@code
 * Pkcs11KeyTransfer} wraps keys for backup and restore, {@code Pkcs11Errors} turns CKR codes into
 * the token exceptions.
 */
package org.egovca.hsm.pkcs11;
