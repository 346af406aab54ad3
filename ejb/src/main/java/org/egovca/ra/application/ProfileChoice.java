package org.egovca.ra.application;

import java.io.Serializable;
import java.util.List;
import org.egovca.ca.domain.CertificateType;

/** A profile the entry clerk can apply for, with what its form needs. */
public record ProfileChoice(
    String name,
    CertificateType type,
    boolean dualAvailable,
    List<String> keyAlgorithms,
    boolean needsHostNames)
    implements Serializable {}
