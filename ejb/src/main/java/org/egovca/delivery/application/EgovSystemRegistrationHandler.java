package org.egovca.delivery.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.egovca.ra.application.ActionParameters;
import org.egovca.ra.application.SupervisedActionHandler;
import org.egovca.ra.application.SupervisedActions;
import org.egovca.ra.domain.SupervisedAction;

/**
 * Registers an e-gov system once a second security administrator has approved the request: the
 * result anyone may see again is its query-service client certificate.
 */
@ApplicationScoped
public class EgovSystemRegistrationHandler implements SupervisedActionHandler {

  @Inject private EgovSystemRegistry registry;

  @Override
  public SupervisedAction action() {
    return SupervisedAction.REGISTER_EGOV_SYSTEM;
  }

  @Override
  public SupervisedActions.Outcome carryOut(String parameters, String actor) {
    EgovSystemRegistration registration =
        ActionParameters.read(parameters, EgovSystemRegistration.class);
    return new SupervisedActions.Outcome(
        registry.register(registration, actor).clientCertificatePem(), null);
  }
}
