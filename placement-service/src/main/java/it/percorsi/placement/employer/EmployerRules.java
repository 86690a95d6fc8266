package it.percorsi.placement.employer;

import it.percorsi.placement.reference.Ateco;
import it.percorsi.placement.reference.TaxIds;
import it.percorsi.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** Rules on employer data that Bean Validation cannot state: check characters and codes. */
public final class EmployerRules {

  private EmployerRules() {}

  /** Field errors of {@code d} (already shape-checked); empty when valid. */
  public static List<Problem.FieldError> check(EmployerData d) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String tax = TaxIds.problem(d.taxCode());
    if (tax != null) {
      errors.add(new Problem.FieldError("taxCode", tax));
    }
    String ateco = Ateco.problem(d.atecoCode());
    if (ateco != null) {
      errors.add(new Problem.FieldError("atecoCode", ateco));
    }
    return errors;
  }

  /**
   * The national limit on concurrent interns at a host of {@code employees} (Accordo Stato-Regioni
   * 25 maggio 2017 on extracurricular internships): up to 5 employees one intern, 6 to 20 two, over
   * 20 ten per cent of the employees. Our reading of "10 %": rounded down, and at least the 2
   * allowed to a smaller host (a 21-employee host is not worse off than a 20-employee one).
   */
  public static int concurrentInternLimit(int employees) {
    if (employees <= 5) {
      return 1;
    }
    if (employees <= 20) {
      return 2;
    }
    return Math.max(2, employees / 10);
  }
}
