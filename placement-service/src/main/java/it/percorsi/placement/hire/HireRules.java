package it.percorsi.placement.hire;

import it.percorsi.placement.reference.Ateco;
import it.percorsi.placement.reference.ContractTypes;
import it.percorsi.placement.reference.TaxIds;
import it.percorsi.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** Rules on a hire that Bean Validation cannot state. */
public final class HireRules {

  private HireRules() {}

  public static List<Problem.FieldError> check(RecordHire r) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String tax = TaxIds.problem(TaxIds.normalise(r.employerTaxCode()));
    if (tax != null) {
      errors.add(new Problem.FieldError("employerTaxCode", tax));
    }
    String ateco = Ateco.problem(r.atecoCode());
    if (ateco != null) {
      errors.add(new Problem.FieldError("atecoCode", ateco));
    }
    var type = ContractTypes.of(r.contractType());
    if (type.isEmpty()) {
      errors.add(
          new Problem.FieldError(
              "contractType", "is not a UNILAV contract type (see GET /hires/contract-types)"));
    } else if (type.get().endRequired() && r.endDate() == null) {
      errors.add(new Problem.FieldError("endDate", "is required for a fixed-term contract"));
    }
    if (r.endDate() != null && r.startDate() != null && r.endDate().isBefore(r.startDate())) {
      errors.add(new Problem.FieldError("endDate", "must not be before the start"));
    }
    return errors;
  }
}
