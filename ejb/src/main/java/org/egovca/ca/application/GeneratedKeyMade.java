package org.egovca.ca.application;

/**
 * A holder's key pair was just generated in the token for generated keys, in a transaction that has
 * not committed yet: should it roll back, nothing refers to the key any more, and {@link
 * GeneratedKeySweep} destroys it.
 *
 * @param alias the key's alias in that token
 */
public record GeneratedKeyMade(String alias) {}
