package org.egovca.ca.application;

/**
 * The CA's crypto token has become active: its key custodians activated it in a ceremony (or, on
 * the embedded default, the demo custodians did at start). Observers do the signing work that had
 * to wait while it was offline: the start's delegated-signer renewals and due CRLs.
 *
 * @param tokenName the token's name
 * @param ceremonyId the activation ceremony's record
 */
public record CaTokenActivated(String tokenName, long ceremonyId) {}
