package org.egovca.custody.application;

import static org.egovca.custody.application.CeremonyParameters.CA;
import static org.egovca.custody.application.CeremonyParameters.KEY;
import static org.egovca.custody.application.CeremonyParameters.LOCATION;
import static org.egovca.custody.application.CeremonyParameters.NEW_CUSTODIANS;
import static org.egovca.custody.application.CeremonyParameters.REASON;
import static org.egovca.custody.application.CeremonyParameters.REQUEST;
import static org.egovca.custody.domain.CeremonySource.CONSOLE;

import java.util.List;

/**
 * The key ceremonies a security administrator hosts at the console ({@link ConsoleCeremonies}): the
 * name the command line gives each ({@code ear/bin/egovca ceremony <name>}), the parameters it
 * takes besides the custodians present ({@link CeremonyParameters}), and the ceremony it holds. A
 * new kind is one constant here. The enrolment is not among them: it runs once, at the CA's own
 * machine, while the token's PIN is still on disk.
 */
public enum ConsoleCeremony {
  /** Three custodians activate the CA's token after a start (CPS §6.5.2.4). */
  ACTIVATE(
      "activate",
      List.of(),
      (ceremonies, parameters, present, host) ->
          ceremonies.keys().activate(present, CONSOLE, host)),
  /** Three custodians back a CA key up into a new backup token (CPS §6.5.2.2). */
  BACKUP(
      "backup",
      List.of(KEY, LOCATION),
      (ceremonies, parameters, present, host) ->
          ceremonies
              .caKeys()
              .backUp(parameters.text(KEY), parameters.text(LOCATION), present, CONSOLE, host)),
  /** Three custodians restore a CA key the token lost from its newest backup (CPS §6.5.2.2). */
  RESTORE(
      "restore",
      List.of(KEY),
      (ceremonies, parameters, present, host) ->
          ceremonies.caKeys().restore(parameters.text(KEY), present, CONSOLE, host)),
  /** Three custodians destroy a CA key nothing needs any more (CPS §6.5.2.3). */
  DESTROY(
      "destroy",
      List.of(KEY),
      (ceremonies, parameters, present, host) ->
          ceremonies.caKeys().destroy(parameters.text(KEY), present, CONSOLE, host)),
  /** Three custodians hand five custodians (each present) a new distribution (CPS §6.5.2.4). */
  RESHARE(
      "reshare",
      List.of(NEW_CUSTODIANS),
      (ceremonies, parameters, present, host) ->
          ceremonies
              .resharing()
              .reshare(present, parameters.usernames(NEW_CUSTODIANS), CONSOLE, host)),
  /** Three custodians have the root revoke a subordinate CA's certificate (CPS §6.5.1.8.3). */
  REVOKE_CA(
      "revoke-ca",
      List.of(CA, REASON),
      (ceremonies, parameters, present, host) ->
          ceremonies
              .caRevocation()
              .revoke(
                  parameters.text(CA),
                  parameters.caRevocationReason(REASON),
                  present,
                  CONSOLE,
                  host)),
  /**
   * Three custodians carry out a CA key rollover two security administrators approved (CPS
   * §6.5.1.6).
   */
  ROLLOVER(
      "rollover",
      List.of(REQUEST),
      (ceremonies, parameters, present, host) ->
          ceremonies.caKeyRollover().rollOver(parameters.number(REQUEST), present, CONSOLE, host));

  private final String path;
  private final List<String> parameters;
  private final Holding holding;

  ConsoleCeremony(String path, List<String> parameters, Holding holding) {
    this.path = path;
    this.parameters = parameters;
    this.holding = holding;
  }

  /** The ceremony's name, as {@code ear/bin/egovca ceremony} calls it. */
  public String path() {
    return path;
  }

  /** The names of the parameters it takes ({@link CeremonyParameters}), in the order asked for. */
  public List<String> parameters() {
    return parameters;
  }

  /** Whether it takes the parameter {@code name}. */
  public boolean takes(String name) {
    return parameters.contains(name);
  }

  long hold(
      CeremonyServices ceremonies,
      CeremonyParameters parameters,
      List<CustodianPresence> present,
      String host) {
    return holding.hold(ceremonies, parameters, present, host);
  }

  /** What one kind does: holds its ceremony, returning the ceremony's record id. */
  @FunctionalInterface
  interface Holding {
    long hold(
        CeremonyServices ceremonies,
        CeremonyParameters parameters,
        List<CustodianPresence> present,
        String host);
  }
}
