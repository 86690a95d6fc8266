package it.percorsi.plan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a plan, with who did what and when. */
public record VersionView(
    @Schema(examples = "1") int number,
    @Schema(examples = "APPROVED") VersionState state,
    boolean inForce,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt,
    Instant decidedAt,
    LocalDate decidedOn,
    @Schema(examples = "ORG-CPI-MESSINA") String decidedByOrgId,
    List<ReturnReason> returnReasons,
    LocalDate supersededOn,
    PlanContent content,
    @Schema(description = "This version's entries of the plan's history")
        List<HistoryEntry> history) {

  static VersionView of(Plan p, PlanVersion v, List<HistoryEntry> history) {
    List<ReturnReason> reasons = v.returnReasons();
    return new VersionView(
        v.number,
        v.state,
        p.versionInForce != null && p.versionInForce == v.number,
        v.createdAt,
        v.updatedAt,
        v.submittedAt,
        v.decidedAt,
        v.decidedOn,
        v.decidedByOrg,
        reasons.isEmpty() ? null : reasons,
        v.supersededOn,
        v.content(),
        history.stream().filter(h -> h.version() != null && h.version() == v.number).toList());
  }
}
