package it.percorsi.plan.plan;

import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A plan's history on the platform's audit trail: who (subject, client, organisation), when, what
 * kind of change, on which version, and what it touched (section names, reason codes, delivery ids)
 * — never free text. The version travels in the detail as {@code v<n>}, then {@code :} and the
 * comma-separated items.
 */
@ApplicationScoped
public class PlanHistory {

  public static final String AGGREGATE = "plan";

  public static final String OPENED = "opened";
  public static final String WRITTEN = "written";
  public static final String SUBMITTED = "submitted";
  public static final String RETURNED = "returned";
  public static final String APPROVED = "approved";
  public static final String AMENDED = "amended";
  public static final String CLOSED = "closed";
  public static final String DELIVERY_RECORDED = "delivery-recorded";
  public static final String DELIVERY_VALIDATED = "delivery-validated";
  public static final String DELIVERY_REJECTED = "delivery-rejected";

  /** The actor of what the service does on its own, on an event from another service. */
  public static final Caller SYSTEM = AuditTrail.system("plan-service");

  private final AuditTrail trail;

  public PlanHistory(AuditTrail trail) {
    this.trail = trail;
  }

  /** Appends one change of plan {@code planId}, in the change's transaction. */
  public void record(UUID planId, String action, int version, List<String> items, Caller by) {
    trail.record(AGGREGATE, planId, action, detail(version, items), by);
  }

  /** The history of plan {@code planId}, oldest first. */
  public List<HistoryEntry> of(UUID planId) {
    return trail.of(AGGREGATE, planId).stream().map(PlanHistory::entry).toList();
  }

  static String detail(int version, List<String> items) {
    return "v" + version + (items.isEmpty() ? "" : ":" + String.join(",", items));
  }

  static HistoryEntry entry(AuditTrail.Change c) {
    String detail = c.detail();
    int colon = detail.indexOf(':');
    String head = colon < 0 ? detail : detail.substring(0, colon);
    Integer version = head.matches("v\\d+") ? Integer.valueOf(head.substring(1)) : null;
    List<String> items =
        colon < 0 || colon == detail.length() - 1
            ? List.of()
            : Arrays.asList(detail.substring(colon + 1).split(","));
    return new HistoryEntry(
        c.at(),
        c.action(),
        version,
        items,
        new HistoryEntry.Actor(c.by().subject(), c.by().clientId(), c.by().orgId()));
  }
}
