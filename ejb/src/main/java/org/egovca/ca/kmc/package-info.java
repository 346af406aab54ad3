/**
 * The key management centre as the CA uses it today: {@link
 * org.egovca.ca.kmc.InProcessKeyManagementCenter}, an in-process stand-in for the separate GM/T
 * 0014 KMC (SPEC R3, R14; CPS §6.1.4.10.2–3). The SM2 cryptography it needs (encryption key pairs,
 * the GM/T 0009 {@code SM2Cipher} and {@code SM2EnvelopedKey}) and the CA↔KMC messages of GM/T 0014
 * live in the module {@code kmc-protocol} ({@code org.egovca.kmc.protocol}), which the CA and the
 * separate KMC share.
 */
package org.egovca.ca.kmc;
