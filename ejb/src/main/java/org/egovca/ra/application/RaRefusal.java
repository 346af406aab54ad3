package org.egovca.ra.application;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;
import org.egovca.ca.domain.CaRequestException;

/**
 * A console request the RA refuses, naming the problem: which rule, and where one applies, which
 * form field. Thrown out of a service method it rolls the transaction back. The console shows
 * {@link #problems()} next to their fields, translated by {@link Problem#key()} where it has a
 * translation and in the English message otherwise.
 */
@ApplicationException(rollback = true)
public class RaRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    NOT_AUTHORIZED,
    LOGIN_FAILED,
    SESSION_ENDED,
    INVALID_INPUT,
    SEPARATION_OF_DUTIES,
    WRONG_STATE,
    NOT_FOUND
  }

  /**
   * One problem: {@code field} is the form field it belongs to (null for the form as a whole),
   * {@code key} a message key the console translates, {@code message} the English text.
   */
  public record Problem(String field, String key, String message) implements java.io.Serializable {}

  private final Reason reason;
  private final List<Problem> problems;

  public RaRefusal(Reason reason, String key, String message) {
    this(reason, List.of(new Problem(null, key, message)));
  }

  public RaRefusal(Reason reason, List<Problem> problems) {
    super(describe(problems));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.problems = List.copyOf(problems);
  }

  public static RaRefusal invalid(String field, String key, String message) {
    return new RaRefusal(Reason.INVALID_INPUT, List.of(new Problem(field, key, message)));
  }

  public Reason reason() {
    return reason;
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * This refusal in the words of the SOAP services: NOT_AUTHORIZED for who may not, otherwise
   * MALFORMED_REQUEST with the same message.
   */
  public CaRequestException asCaRequestException() {
    boolean authorisation =
        reason == Reason.NOT_AUTHORIZED || reason == Reason.SEPARATION_OF_DUTIES;
    return new CaRequestException(
        authorisation
            ? CaRequestException.Reason.NOT_AUTHORIZED
            : CaRequestException.Reason.MALFORMED_REQUEST,
        getMessage());
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
