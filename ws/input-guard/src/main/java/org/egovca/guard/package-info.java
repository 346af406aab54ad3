/**
 * Limits on hostile input, applied before any parser sees a caller's bytes: {@link
 * org.egovca.guard.RequestLimitFilter} bounds HTTP bodies while they are read (refusing with 413
 * and closing the connection) and bounds how many large bodies are held at once; {@link
 * org.egovca.guard.XmlRequestCheck} refuses DTDs and entity declarations and absurd element counts
 * in SOAP requests; {@link org.egovca.guard.Asn1Limits} refuses ASN.1 encodings nested deeper than
 * any legitimate structure, which BouncyCastle's recursive parser would otherwise answer with a
 * {@link StackOverflowError}.
 */
package org.egovca.guard;
