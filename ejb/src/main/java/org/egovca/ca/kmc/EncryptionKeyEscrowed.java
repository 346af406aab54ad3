package org.egovca.ca.kmc;

import java.math.BigInteger;

/**
 * The KMC escrowed a key for the encryption certificate {@code serial}, which the current
 * transaction is about to issue.
 */
public record EncryptionKeyEscrowed(BigInteger serial) {}
