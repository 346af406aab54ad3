package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.egovca.ca.application.CaKeyRollovers;
import org.egovca.ca.application.RemoteRaRegistry;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.SupervisedAction;

/**
 * Carries out an approved supervised action with the parameters its request holds, in the
 * approver's transaction: the services below check everything once more, since the world may have
 * changed while the request waited. An action on a CA key is only checked here; a key ceremony
 * carries it out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SupervisedActions {

  /**
   * What carrying an action out produced: a result anyone may see again (certificates), and a
   * secret shown once to the approver (a one-time password), each possibly null.
   */
  public record Outcome(String publicResult, String secret) {}

  /** The parameters of a CA key rollover request: the CA whose key is replaced. */
  public record CaKeyRolloverRequest(String caName) implements java.io.Serializable {}

  @Inject private OperatorAccounts operators;
  @Inject @Any private Instance<SupervisedActionHandler> handlers;
  @Inject private RemoteRaRegistry remoteRas;
  @Inject private CaKeyRollovers rollovers;

  public Outcome carryOut(DualControlRequest request, String actor) {
    String parameters = request.getParameters();
    return switch (request.getAction()) {
      case CREATE_OPERATOR -> {
        NewOperatorCredential credential =
            operators.create(ActionParameters.read(parameters, NewOperator.class), actor);
        yield new Outcome(credential.certificatePem(), credential.oneTimePassword());
      }
      case CHANGE_OPERATOR_ROLE -> {
        operators.changeRole(
            ActionParameters.read(parameters, OperatorAccounts.RoleChange.class), actor);
        yield new Outcome(null, null);
      }
      case ISSUE_OPERATOR_CERTIFICATE ->
          new Outcome(
              operators.issueCertificate(
                  ActionParameters.read(parameters, OperatorAccounts.CertificateRequest.class),
                  actor),
              null);
      case RESET_OPERATOR_PASSWORD ->
          new Outcome(
              null,
              operators.resetPassword(
                  ActionParameters.read(parameters, OperatorAccounts.PasswordReset.class), actor));
      case REGISTER_EGOV_SYSTEM -> handler(request.getAction()).carryOut(parameters, actor);
      case REGISTER_REMOTE_RA ->
          new Outcome(
              remoteRas.register(
                  ActionParameters.read(parameters, RemoteRaRegistry.Registration.class), actor),
              null);
      case CHANGE_REMOTE_RA_UNITS -> {
        remoteRas.changeUnits(
            ActionParameters.read(parameters, RemoteRaRegistry.Units.class), actor);
        yield new Outcome(null, null);
      }
      case ROLL_OVER_CA_KEY -> {
        // the approval touches no key: three key custodians carry it out in a ceremony
        // (KeyCeremonyApprovals); refused now if the CA could not be rolled over anyway
        rollovers
            .existing(ActionParameters.read(parameters, CaKeyRolloverRequest.class).caName())
            .requireNotRevoked();
        yield new Outcome(null, null);
      }
    };
  }

  private SupervisedActionHandler handler(SupervisedAction action) {
    return handlers.stream()
        .filter(handler -> handler.action() == action)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("nothing carries out " + action));
  }
}
