package it.percorsi.plan.plan;

import it.percorsi.plan.catalogue.Catalogue;
import it.percorsi.plan.catalogue.CatalogueEntry;
import it.percorsi.platform.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a plan is complete enough to be submitted. Pure: every missing or wrong piece is named as a
 * field error, all at once, so the promoter fixes everything in one go.
 */
public final class PlanRules {

  public static final int MIN_WEEKLY_HOURS = 20;
  public static final int MAX_WEEKLY_HOURS = 30;

  private PlanRules() {}

  /**
   * The field errors that keep {@code content} from being submitted; empty when it is complete.
   *
   * @param minor whether the participant is a minor today (then the guardian must sign)
   * @param today the business date (signatures cannot be in the future)
   */
  public static List<FieldError> completeness(
      PlanContent content, DoteTerms dote, Catalogue catalogue, boolean minor, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (blank(content.objectives())) {
      errors.add(new FieldError("objectives", "are required"));
    }
    activities(content, dote, catalogue, errors);
    internship(content.internship(), dote, errors);
    signatures(content.signatures(), minor, today, errors);
    return errors;
  }

  private static void activities(
      PlanContent content, DoteTerms dote, Catalogue catalogue, List<FieldError> errors) {
    List<PlanContent.Activity> activities = content.activities();
    if (activities.isEmpty()) {
      errors.add(new FieldError("activities", "at least one activity is required"));
      return;
    }
    Map<String, Integer> unitsByService = new LinkedHashMap<>();
    Map<String, Integer> firstIndex = new LinkedHashMap<>();
    long total = 0;
    for (int i = 0; i < activities.size(); i++) {
      PlanContent.Activity a = activities.get(i);
      String at = "activities[" + i + "].";
      CatalogueEntry service = catalogue.find(a.serviceCode()).orElse(null);
      if (a.serviceCode() == null) {
        errors.add(new FieldError(at + "serviceCode", "is required"));
      } else if (service == null) {
        errors.add(new FieldError(at + "serviceCode", "is not a service of the catalogue"));
      }
      if (blank(a.provider())) {
        errors.add(new FieldError(at + "provider", "is required"));
      }
      if (a.plannedHours() == null) {
        errors.add(new FieldError(at + "plannedHours", "are required"));
      }
      period(a, at, dote, errors);
      if (service != null && a.plannedHours() != null) {
        unitsByService.merge(service.code, a.plannedHours(), Integer::sum);
        firstIndex.putIfAbsent(service.code, i);
        total += service.cost(a.plannedHours());
      }
    }
    unitsByService.forEach(
        (code, units) -> {
          int max = catalogue.find(code).orElseThrow().maxUnitsPerPlan;
          if (units > max) {
            errors.add(
                new FieldError(
                    "activities[" + firstIndex.get(code) + "].plannedHours",
                    code
                        + ": "
                        + units
                        + " planned in all, the catalogue allows at most "
                        + max
                        + " per plan"));
          }
        });
    if (total > dote.promoterServicesCents()) {
      errors.add(
          new FieldError(
              "activities",
              "promoter services cost "
                  + total
                  + " cents in all, over the dote's promoter budget of "
                  + dote.promoterServicesCents()
                  + " cents"));
    }
  }

  private static void period(
      PlanContent.Activity a, String at, DoteTerms dote, List<FieldError> errors) {
    String within =
        "must be within the dote's period, " + dote.assignedOn() + " to " + dote.periodEnd();
    if (a.from() == null) {
      errors.add(new FieldError(at + "from", "is required"));
    } else if (!dote.covers(a.from())) {
      errors.add(new FieldError(at + "from", within));
    }
    if (a.to() == null) {
      errors.add(new FieldError(at + "to", "is required"));
    } else if (!dote.covers(a.to())) {
      errors.add(new FieldError(at + "to", within));
    } else if (a.from() != null && a.to().isBefore(a.from())) {
      errors.add(new FieldError(at + "to", "must not be before from"));
    }
  }

  private static void internship(
      PlanContent.Internship internship, DoteTerms dote, List<FieldError> errors) {
    if (internship == null) {
      errors.add(new FieldError("internship", "is required"));
      return;
    }
    if (internship.plannedStart() == null) {
      errors.add(new FieldError("internship.plannedStart", "is required"));
    } else if (internship.plannedStart().isAfter(dote.startDeadline())) {
      errors.add(
          new FieldError(
              "internship.plannedStart",
              "must be no later than the dote's start deadline, " + dote.startDeadline()));
    } else if (internship.plannedStart().isBefore(dote.assignedOn())) {
      errors.add(
          new FieldError(
              "internship.plannedStart",
              "must not be before the dote was assigned, " + dote.assignedOn()));
    }
    Integer weekly = internship.weeklyHours();
    if (weekly == null) {
      errors.add(new FieldError("internship.weeklyHours", "are required"));
    } else if (weekly < MIN_WEEKLY_HOURS || weekly > MAX_WEEKLY_HOURS) {
      errors.add(
          new FieldError(
              "internship.weeklyHours",
              "must be between " + MIN_WEEKLY_HOURS + " and " + MAX_WEEKLY_HOURS));
    }
  }

  private static void signatures(
      PlanContent.Signatures signatures, boolean minor, LocalDate today, List<FieldError> errors) {
    LocalDate accepted = signatures == null ? null : signatures.participantAcceptedOn();
    LocalDate guardian = signatures == null ? null : signatures.guardianSignedOn();
    if (accepted == null) {
      errors.add(new FieldError("signatures.participantAcceptedOn", "the participant must accept"));
    } else if (accepted.isAfter(today)) {
      errors.add(new FieldError("signatures.participantAcceptedOn", "must not be in the future"));
    }
    if (minor && guardian == null) {
      errors.add(
          new FieldError(
              "signatures.guardianSignedOn",
              "the guardian must sign while the participant is a minor"));
    } else if (guardian != null && guardian.isAfter(today)) {
      errors.add(new FieldError("signatures.guardianSignedOn", "must not be in the future"));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
