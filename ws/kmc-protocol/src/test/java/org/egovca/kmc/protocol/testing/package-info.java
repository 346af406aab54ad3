/**
 * Test fixtures: the OpenSSL command line as an independent implementation, PEM files for it, and
 * key pairs and signers from the tests' own BouncyCastle provider instance. Copies of the ejb
 * module's fixtures of the same names, trimmed to what this module's tests use.
 */
package org.egovca.kmc.protocol.testing;
