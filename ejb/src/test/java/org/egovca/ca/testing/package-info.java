/**
 * Shared test utilities: {@link org.egovca.ca.testing.TestKeys} (key pairs and signers from the
 * tests' own, never registered BouncyCastle provider), {@link org.egovca.ca.testing.Pem} (PEM text
 * and files), {@link org.egovca.ca.testing.OpenSslCommand} (the OpenSSL command line as an
 * independent oracle) and {@link org.egovca.ca.testing.ResidentIds} (ID numbers of test
 * applicants).
 */
package org.egovca.ca.testing;
