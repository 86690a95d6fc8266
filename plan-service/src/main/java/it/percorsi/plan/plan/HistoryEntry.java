package it.percorsi.plan.plan;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change in a plan's audit trail: when, what kind, on which version, and by whom. */
@Schema(name = "PlanHistoryEntry")
public record HistoryEntry(
    Instant at,
    @Schema(examples = "submitted") String action,
    @Schema(examples = "1") Integer version,
    @Schema(
            examples = "[\"activities\", \"internship\"]",
            description = "Sections written, reason codes, or the delivery id")
        List<String> detail,
    Actor by) {

  /** Who made the change: token subject, OAuth client and organisation. */
  public record Actor(String subject, String clientId, String orgId) {}
}
