package org.egovca.custody.application;

import java.util.Map;

/**
 * What an activation ceremony needs from the current share distribution of a token, read before the
 * (slow) opening of the shares so that no transaction waits for it.
 *
 * @param distributionId the distribution the shares belong to (bound into their seals)
 * @param threshold how many shares make the secret
 * @param sealedTokenPins each token's PIN sealed under the secret, by token name
 * @param previousTokenPins the PIN a token had before a PIN change not settled yet, by token name
 * @param sealedShares each present custodian's sealed share, by username
 */
public record ActivationShares(
    long distributionId,
    int threshold,
    Map<String, byte[]> sealedTokenPins,
    Map<String, byte[]> previousTokenPins,
    Map<String, byte[]> sealedShares) {}
