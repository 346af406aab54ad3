package org.egovca.custody.domain;

/** Where the custodians of a ceremony presented themselves. */
public enum CeremonySource {
  /** {@code ear/bin/egovca ceremony} at the CA's own machine (loopback only). */
  COMMAND_LINE,
  /** The start of an embedded default installation, with its demo custodians' PIN files. */
  DEMO_START,
  /**
   * The console's key ceremony page, hosted by a security administrator (recorded as the ceremony's
   * host), each custodian typing their own username and the PIN of their share.
   */
  CONSOLE
}
