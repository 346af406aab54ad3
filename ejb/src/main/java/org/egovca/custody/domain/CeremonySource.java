package org.egovca.custody.domain;

/** Where the custodians of a ceremony presented themselves. */
public enum CeremonySource {
  /** {@code ear/bin/egovca ceremony} at the CA's own machine (loopback only). */
  COMMAND_LINE,
  /** The start of an embedded default installation, with its demo custodians' PIN files. */
  DEMO_START
}
