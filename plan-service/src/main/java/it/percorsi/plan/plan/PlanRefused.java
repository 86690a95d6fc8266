package it.percorsi.plan.plan;

import it.percorsi.platform.problem.Problem.FieldError;
import java.util.List;

/**
 * A rule of the plan refused a change. Carries what was refused and why, in domain terms; the
 * resource layer maps each {@link Reason} to a problem once ({@code PlanProblems}).
 */
public class PlanRefused extends RuntimeException {

  /** Why a change was refused. */
  public enum Reason {
    /** The plan's dote ended (expired, revoked, completed) or refused activation. */
    PLAN_CLOSED,
    /** The version is not in a state that allows this change. */
    WRONG_STATE,
    /** The plan is not complete enough for submission; see the field errors. */
    INCOMPLETE,
    /** A delivery does not fit the approved plan; see the field errors. */
    DELIVERY_NOT_ALLOWED,
    /** The delivery was already validated or rejected. */
    DELIVERY_DECIDED
  }

  private final Reason reason;
  private final transient List<FieldError> errors;

  public PlanRefused(Reason reason, String detail) {
    this(reason, detail, List.of());
  }

  public PlanRefused(Reason reason, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.reason = reason;
    this.errors = List.copyOf(errors);
  }

  public Reason reason() {
    return reason;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
