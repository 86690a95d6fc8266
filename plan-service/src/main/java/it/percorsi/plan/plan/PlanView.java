package it.percorsi.plan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan as returned: its identity, where it stands, and the current version's content. */
public record PlanView(
    UUID id,
    UUID doteId,
    UUID participantId,
    @Schema(examples = "EXAMPLE-PERCORSI-4-SUD") String programmeCode,
    @Schema(examples = "ORG-PROMOTER-A") String promoterOrgId,
    @Schema(examples = "083") String provinceCode,
    @Schema(examples = "DRAFT") PlanState state,
    @Schema(examples = "2", description = "The version being worked on") int version,
    @Schema(examples = "DRAFT") VersionState versionState,
    @Schema(examples = "1", description = "The approved version in force, if any")
        Integer versionInForce,
    @Schema(description = "Sum of the activities' costs, euro cents") long totalCostCents,
    PlanContent content,
    @Schema(description = "Why the current version was returned, when it was")
        List<ReturnReason> returnReasons,
    String returnNote,
    ClosedReason closedReason,
    LocalDate closedOn,
    Instant createdAt,
    Instant updatedAt) {

  public static PlanView of(Plan p) {
    PlanVersion v = p.current();
    PlanContent content = v.content();
    long total =
        content.activities().stream()
            .mapToLong(a -> a.costCents() == null ? 0 : a.costCents())
            .sum();
    List<ReturnReason> reasons = v.returnReasons();
    return new PlanView(
        p.id,
        p.doteId,
        p.participantId,
        p.programmeCode,
        p.promoterOrgId,
        p.provinceCode,
        p.state,
        v.number,
        v.state,
        p.versionInForce,
        total,
        content,
        reasons.isEmpty() ? null : reasons,
        reasons.isEmpty() ? null : v.returnNote,
        p.closedReason,
        p.closedOn,
        p.createdAt,
        p.updatedAt);
  }
}
