package org.egovca.web;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the console's page beans share: the RA session token of the current operator, and calling
 * one RA service method with its failure shown on the page instead of thrown.
 */
abstract class ConsolePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CurrentOperator operator;

  /** The RA session token of this browser session. */
  protected String token() {
    return operator.token();
  }

  protected boolean can(String permission) {
    return operator.can(permission);
  }

  /**
   * The result of {@code call}, or empty when it failed; the failure is shown, its field problems
   * next to the fields of {@code formId}.
   */
  protected <T> Optional<T> fetch(String formId, Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (RuntimeException failure) {
      Feedback.failure(formId, failure);
      return Optional.empty();
    }
  }

  /** Runs {@code call}; false when it failed (the failure is shown). */
  protected boolean perform(String formId, Runnable call) {
    return perform(formId, Map.of(), call);
  }

  /**
   * Runs {@code call}; false when it failed. {@code fields} maps the service's field names to the
   * ids of this form's inputs where they differ.
   */
  protected boolean perform(String formId, Map<String, String> fields, Runnable call) {
    try {
      call.run();
      return true;
    } catch (RuntimeException failure) {
      Feedback.failure(formId, failure, fields);
      return false;
    }
  }
}
