package org.egovca.ca.application;

import java.io.Serializable;

/**
 * A holder identifier as an RA sends it (kind name and value, not yet checked), for example {@code
 * RESIDENT_ID_CARD} / {@code 11010519491231002X}.
 */
public record RequestedIdentifier(String kind, String value) implements Serializable {}
