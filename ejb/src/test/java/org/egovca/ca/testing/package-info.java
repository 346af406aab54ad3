/**
 * Shared test utilities: {@link org.egovca.ca.testing.TestKeys} (key pairs and signers from the
 * tests' own, never registered BouncyCastle provider), {@link org.egovca.ca.testing.Pem} (PEM text
 * and files) and {@link org.egovca.ca.testing.OpenSslCommand} (the OpenSSL command line as an
 * independent oracle).
 */
package org.egovca.ca.testing;
