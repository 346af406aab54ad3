package org.egovca.ra.application;

import org.egovca.ra.domain.SupervisedAction;

/**
 * Carries out an approved supervised action that belongs to another part of the system (the
 * registration of an e-gov system belongs to the information services), so that dual control needs
 * no knowledge of it: the part provides a CDI bean of this type, and {@link SupervisedActions}
 * hands it the request's parameters in the approver's transaction.
 */
public interface SupervisedActionHandler {

  /** The action this handler carries out. */
  SupervisedAction action();

  /**
   * Carries the action out.
   *
   * @param parameters the request's parameters, as {@link ActionParameters#write} stored them
   * @param actor who approved it, for the audit log
   */
  SupervisedActions.Outcome carryOut(String parameters, String actor);
}
