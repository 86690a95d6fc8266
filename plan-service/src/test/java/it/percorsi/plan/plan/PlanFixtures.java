package it.percorsi.plan.plan;

import it.percorsi.plan.catalogue.Catalogue;
import it.percorsi.plan.catalogue.CatalogueEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small builders of plan content, dote terms and a catalogue for pure tests. */
public final class PlanFixtures {

  public static final LocalDate ASSIGNED = LocalDate.of(2026, 12, 1);
  public static final LocalDate DEADLINE = LocalDate.of(2027, 2, 28);

  private PlanFixtures() {}

  /** A dote assigned on 1 Dec 2026, start deadline 28 Feb 2027, 6 months, 2,000 euro budget. */
  public static DoteTerms dote() {
    return new DoteTerms(UUID.randomUUID(), ASSIGNED, DEADLINE, 6, 0, 200_000);
  }

  /** Orientation at 35 euro/h (16 h at most), tutoring at 30 euro/h (30 h at most). */
  public static Catalogue catalogue() {
    return new Catalogue(
        List.of(
            CatalogueEntry.of("SPECIALIST_ORIENTATION", CatalogueEntry.Unit.HOUR, 3500, 16),
            CatalogueEntry.of("INTERNSHIP_TUTORING", CatalogueEntry.Unit.HOUR, 3000, 30),
            CatalogueEntry.of("INTAKE_PROFILING", CatalogueEntry.Unit.OUTCOME, 10000, 1)));
  }

  public static PlanContent.Activity activity(String service, int hours) {
    return new PlanContent.Activity(
        UUID.randomUUID(),
        service,
        "ORG-PROMOTER-A",
        hours,
        ASSIGNED.plusDays(5),
        ASSIGNED.plusMonths(2),
        null,
        null);
  }

  /** A complete plan for an adult: 12 h of orientation, 20 h of tutoring (1,020 euro). */
  public static PlanContent complete() {
    return new PlanContent(
        "Find a job in catering",
        new PlanContent.Profile(8, "A2", "Farm work", List.of("cooking")),
        List.of(activity("SPECIALIST_ORIENTATION", 12), activity("INTERNSHIP_TUTORING", 20)),
        new PlanContent.Internship(null, DEADLINE.minusDays(10), 25),
        new PlanContent.Signatures(ASSIGNED.plusDays(3), null));
  }

  public static PlanContent withActivities(PlanContent c, List<PlanContent.Activity> activities) {
    return new PlanContent(
        c.objectives(), c.profile(), new ArrayList<>(activities), c.internship(), c.signatures());
  }

  public static PlanContent withInternship(PlanContent c, PlanContent.Internship internship) {
    return new PlanContent(c.objectives(), c.profile(), c.activities(), internship, c.signatures());
  }

  public static PlanContent withSignatures(PlanContent c, PlanContent.Signatures signatures) {
    return new PlanContent(c.objectives(), c.profile(), c.activities(), c.internship(), signatures);
  }

  public static Plan.Dote doteOf(UUID doteId) {
    return new Plan.Dote(
        doteId, UUID.randomUUID(), "EXAMPLE-PERCORSI-4-SUD", "ORG-PROMOTER-A", "19", "083");
  }
}
