package it.percorsi.dote.dote;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Filters of {@code GET /dotes}, parsed and checked once (a bad value is a field error). */
public record DoteFilter(
    String programme, String region, String province, Dote.State state, String promoter) {

  private static final Pattern REGION = Pattern.compile("[0-2][0-9]");
  private static final Pattern PROVINCE = Pattern.compile("[0-9]{3}");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,99}");

  public static DoteFilter parse(
      String programme, String region, String province, String state, String promoter) {
    List<Problem.FieldError> errors = new ArrayList<>();
    check(errors, "programme", programme, CODE, "must be a programme code");
    check(errors, "region", region, REGION, "must be a 2-digit ISTAT region code");
    check(errors, "province", province, PROVINCE, "must be a 3-digit ISTAT province code");
    check(errors, "promoter", promoter, CODE, "must be an organisation id");
    Dote.State s = null;
    if (state != null) {
      try {
        s = Dote.State.valueOf(state.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new Problem.FieldError(
                "state", "must be one of " + Arrays.toString(Dote.State.values())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
    return new DoteFilter(programme, region, province, s, promoter);
  }

  private static void check(
      List<Problem.FieldError> errors, String field, String v, Pattern p, String message) {
    if (v != null && !p.matcher(v).matches()) {
      errors.add(new Problem.FieldError(field, message));
    }
  }
}
