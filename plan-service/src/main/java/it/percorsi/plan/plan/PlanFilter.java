package it.percorsi.plan.plan;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.Problem.FieldError;
import it.percorsi.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Filters of {@code GET /plans}; null means "any". */
public record PlanFilter(UUID doteId, UUID participantId, PlanState state, String promoter) {

  /**
   * Reads the query parameters.
   *
   * @throws ProblemException 400 naming every parameter that is not valid
   */
  public static PlanFilter parse(
      String doteId, String participantId, String state, String promoter) {
    List<FieldError> errors = new ArrayList<>();
    UUID dote = uuid("doteId", doteId, errors);
    UUID participant = uuid("participantId", participantId, errors);
    PlanState s = null;
    if (state != null && !state.isBlank()) {
      try {
        s = PlanState.valueOf(state.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("state", "must be one of DRAFT, SUBMITTED, RETURNED, APPROVED, CLOSED"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
    return new PlanFilter(
        dote, participant, s, promoter == null || promoter.isBlank() ? null : promoter.strip());
  }

  private static UUID uuid(String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(name, "must be a UUID"));
      return null;
    }
  }
}
