/**
 * The key management centre as the CA reaches it (SPEC R3, R14; CPS §6.1.4.10.2–3): {@link
 * org.egovca.ca.kmc.GmT0014KeyManagementCenter} implements the port {@code KeyManagementCenter}
 * over GM/T 0014 to the separate KMC (the {@code kmc} WAR, its own database and token), through a
 * {@link org.egovca.ca.kmc.KmcTransport} ({@link org.egovca.ca.kmc.HttpsKmcTransport} in the
 * server). {@link org.egovca.ca.kmc.KmcClientIdentity} holds the CA's protocol key and the pinned
 * KMC certificate; {@link org.egovca.ca.kmc.KmcTlsCredential} the CA's TLS client credential;
 * {@link org.egovca.ca.kmc.OrphanedEscrows} revokes the escrow of a certificate that was not
 * issued. The messages and the GM/T 0009 cryptography are in {@code kmc-protocol}.
 */
package org.egovca.ca.kmc;
