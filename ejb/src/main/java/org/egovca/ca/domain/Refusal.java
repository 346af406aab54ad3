package org.egovca.ca.domain;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A request the system refuses, naming why: a {@link RefusalCode} and the problems found, each with
 * the form field it belongs to (where there is one), a message key the console translates and the
 * English words every other interface shows. Thrown out of a service method it rolls the
 * transaction back, so nothing of the refused request is written.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * One problem: {@code field} is the form field it belongs to (null for the request as a whole),
   * {@code key} a message key the console translates (null: the message is shown as it is), {@code
   * message} the English text.
   */
  public record Problem(String field, String key, String message) implements Serializable {}

  private final RefusalCode code;
  private final List<Problem> problems;

  /** A refusal of the request as a whole, in {@code message}'s words. */
  public Refusal(RefusalCode code, String message) {
    this(code, null, message);
  }

  /** A refusal of the request as a whole, which the console translates by {@code key}. */
  public Refusal(RefusalCode code, String key, String message) {
    this(code, List.of(new Problem(null, key, message)));
  }

  public Refusal(RefusalCode code, List<Problem> problems) {
    super(describe(problems));
    this.code = Objects.requireNonNull(code, "code");
    this.problems = List.copyOf(problems);
  }

  /** Input that breaks a rule: INVALID_INPUT, naming the field. */
  public static Refusal invalid(String field, String key, String message) {
    return new Refusal(RefusalCode.INVALID_INPUT, List.of(new Problem(field, key, message)));
  }

  public RefusalCode code() {
    return code;
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * This refusal as a problem of one form field, in this refusal's words: for a check that does not
   * know which field its input came from (a certification request, a subject DN).
   */
  public Refusal onField(String field, String key) {
    return invalid(field, key, getMessage());
  }

  private static String describe(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    for (Problem problem : problems) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      if (problem.field() != null) {
        text.append(problem.field()).append(": ");
      }
      text.append(problem.message());
    }
    return text.toString();
  }
}
