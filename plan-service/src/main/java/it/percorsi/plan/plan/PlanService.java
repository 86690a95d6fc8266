package it.percorsi.plan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import it.percorsi.plan.catalogue.Catalogue;
import it.percorsi.plan.events.PlanEvent;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.paging.Page;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.Problem.FieldError;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The plans' transactions: each loads the plan, checks that the caller may see it (another
 * organisation's plan is a 404, as if it did not exist) and may do this, lets the aggregate change,
 * and appends its event to the outbox and an entry to the history in the same transaction.
 */
@ApplicationScoped
public class PlanService {

  private static final Logger LOG = Logger.getLogger(PlanService.class);

  private final PlanRepository plans;
  private final PlanHistory history;
  private final CaseFacts facts;
  private final Outbox outbox;
  private final Clock clock;

  public PlanService(
      PlanRepository plans, PlanHistory history, CaseFacts facts, Outbox outbox, Clock clock) {
    this.plans = plans;
    this.history = history;
    this.facts = facts;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Opens version 1 of the dote's plan as a draft of the dote's promoter, once per dote: a dote
   * that already has a plan keeps it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Plan open(Plan.Dote dote) {
    Optional<Plan> existing = plans.byDote(dote.doteId());
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = now();
    Plan p = Plan.open(dote, now);
    plans.persist(p);
    record(p, PlanHistory.OPENED, 1, List.of(), PlanHistory.SYSTEM);
    LOG.infof("Opened plan %s for dote %s", p.id, p.doteId);
    return p;
  }

  /**
   * Closes the dote's plan because the dote ended or refused activation; emits {@code plan.closed}
   * once. A dote without a plan here is left alone.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void close(UUID doteId, ClosedReason reason, LocalDate on) {
    plans
        .byDoteForUpdate(doteId)
        .ifPresent(
            p -> {
              Instant now = now();
              p.close(reason, on, now)
                  .ifPresent(
                      event -> {
                        record(
                            p,
                            PlanHistory.CLOSED,
                            p.currentVersion,
                            List.of(reason.name()),
                            PlanHistory.SYSTEM);
                        outbox.append(PlanEvent.TOPIC, event);
                      });
            });
  }

  /** The plan if the caller may see it; otherwise 404, as if it did not exist. */
  @Transactional
  public Plan get(UUID id, Caller caller) {
    return visible(plans.findByIdOptional(id).orElse(null), id, caller);
  }

  /** A page of the plans the caller may see, filtered. */
  @Transactional
  public Page<PlanSummary> list(PlanFilter filter, PageRequest page, Caller caller) {
    return Page.of(
        plans.page(filter, caller, page),
        page,
        p -> List.of(p.createdAt.toString(), p.id.toString()),
        PlanSummary::of);
  }

  /** The plan as returned to a caller who may see it. */
  @Transactional
  public PlanView view(Plan p) {
    return PlanView.of(p);
  }

  /**
   * The promoter writes the current version as a whole (only a draft or a returned one). Each
   * activity keeps its id or gets one, and carries the catalogue's unit cost and its cost.
   *
   * @throws ProblemException 404 when not visible, 403 for anyone but the owning promoter, 428
   *     without If-Match, 412 when stale, 400 for activity ids given twice
   * @throws PlanRefused when the plan is closed or the version is not writable
   */
  @Transactional
  public Plan write(UUID id, String ifMatch, PlanContent content, Caller caller) {
    Plan p = visible(plans.findForUpdate(id).orElse(null), id, caller);
    requireWriter(p, caller);
    Preconditions.required(ifMatch, p.etag());
    PlanContent before = p.current().content();
    PlanContent priced = priced(content, Catalogue.load());
    Instant now = now();
    p.write(priced, now);
    record(p, PlanHistory.WRITTEN, p.currentVersion, sections(before, priced), caller);
    plans.flush();
    return p;
  }

  /**
   * Submits the current version; refused naming every missing piece unless complete ({@link
   * PlanRules}); emits {@code plan.submitted}.
   */
  @Transactional
  public Plan submit(UUID id, String ifMatch, Caller caller) {
    Plan p = visible(plans.findForUpdate(id).orElse(null), id, caller);
    requireWriter(p, caller);
    Preconditions.optional(ifMatch, p.etag());
    p.requireOpen();
    LocalDate today = today();
    CaseFacts.DoteSnapshot dote = dote(p);
    List<FieldError> missing =
        PlanRules.completeness(
            p.current().content(),
            dote.terms(),
            Catalogue.load(),
            facts.minor(p.participantId),
            today);
    Instant now = now();
    PlanEvent event = p.submit(missing, today, now);
    record(p, PlanHistory.SUBMITTED, p.currentVersion, List.of(), caller);
    outbox.append(PlanEvent.TOPIC, event);
    plans.flush();
    return p;
  }

  /**
   * The agency or a CPI operator of the participant's province approves the submitted version;
   * emits {@code plan.approved}. Refused (409) when the dote has meanwhile expired, been revoked or
   * completed, even if the plan has not heard of it yet.
   */
  @Transactional
  public Plan approve(UUID id, String ifMatch, Caller caller) {
    Plan p = decidable(id, ifMatch, caller);
    LocalDate today = today();
    Instant now = now();
    Optional<ClosedReason> ended = facts.dote(p.doteId).flatMap(CaseFacts.DoteSnapshot::ended);
    if (ended.isPresent() && p.state != PlanState.CLOSED) {
      throw new PlanRefused(
          PlanRefused.Reason.PLAN_CLOSED,
          "the plan cannot be approved: " + ended.get().explanation());
    }
    PlanEvent event = p.approve(caller.orgId(), today, now);
    record(p, PlanHistory.APPROVED, p.currentVersion, List.of(), caller);
    outbox.append(PlanEvent.TOPIC, event);
    plans.flush();
    return p;
  }

  /**
   * The agency or a CPI operator of the province sends the submitted version back with reason codes
   * and a note; emits {@code plan.returned} with the codes only.
   */
  @Transactional
  public Plan returnToPromoter(
      UUID id, String ifMatch, List<ReturnReason> reasons, String note, Caller caller) {
    Plan p = decidable(id, ifMatch, caller);
    Instant now = now();
    PlanEvent event = p.returnToPromoter(reasons, note, caller.orgId(), today(), now);
    record(
        p,
        PlanHistory.RETURNED,
        p.currentVersion,
        reasons.stream().map(Enum::name).toList(),
        caller);
    outbox.append(PlanEvent.TOPIC, event);
    plans.flush();
    return p;
  }

  /**
   * The promoter opens version n+1 of an approved plan; version n stays in force until the new one
   * is approved. Emits {@code plan.amended}.
   */
  @Transactional
  public Plan amend(UUID id, String ifMatch, Caller caller) {
    Plan p = visible(plans.findForUpdate(id).orElse(null), id, caller);
    requireWriter(p, caller);
    Preconditions.optional(ifMatch, p.etag());
    Instant now = now();
    PlanEvent event = p.amend(today(), now);
    record(p, PlanHistory.AMENDED, p.currentVersion, List.of(), caller);
    outbox.append(PlanEvent.TOPIC, event);
    plans.flush();
    return p;
  }

  /** The versions of a plan the caller may see, oldest first, each with its history. */
  @Transactional
  public List<VersionView> versions(UUID id, Caller caller) {
    Plan p = get(id, caller);
    List<HistoryEntry> entries = history.of(p.id);
    return p.versions().stream().map(v -> VersionView.of(p, v, entries)).toList();
  }

  /**
   * What changed from version n-1 to version n, as an RFC 6902 JSON Patch; version 1 is compared
   * with the empty draft it was opened as.
   *
   * @throws ProblemException 404 when the plan is not visible or has no version n
   */
  @Transactional
  public JsonNode changes(UUID id, int number, Caller caller) {
    Plan p = get(id, caller);
    PlanVersion v =
        p.version(number)
            .orElseThrow(() -> ProblemException.notFound("version", number + " of plan " + id));
    String before =
        number == 1
            ? PlanDocuments.write(PlanContent.empty())
            : p.version(number - 1).orElseThrow().document();
    return JsonDiff.asJson(PlanDocuments.tree(before), PlanDocuments.tree(v.document()));
  }

  /** The history of a plan the caller may see. */
  @Transactional
  public List<HistoryEntry> history(UUID id, Caller caller) {
    return history.of(get(id, caller).id);
  }

  /** Loads the plan for a decision: visible, decided by this caller, If-Match when sent. */
  private Plan decidable(UUID id, String ifMatch, Caller caller) {
    Plan p = visible(plans.findForUpdate(id).orElse(null), id, caller);
    if (!PlanAccess.canDecide(caller, p)) {
      throw new ProblemException(Problem.forbidden());
    }
    Preconditions.optional(ifMatch, p.etag());
    return p;
  }

  private CaseFacts.DoteSnapshot dote(Plan p) {
    return facts
        .dote(p.doteId)
        .orElseThrow(
            () -> new IllegalStateException("plan " + p.id + " has no projected dote " + p.doteId));
  }

  /** Activities with their ids and catalogue costs; refuses an activity id given twice. */
  static PlanContent priced(PlanContent content, Catalogue catalogue) {
    List<PlanContent.Activity> activities = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < content.activities().size(); i++) {
      PlanContent.Activity a = content.activities().get(i);
      UUID activityId = a.activityId() == null ? UUID.randomUUID() : a.activityId();
      if (!seen.add(activityId)) {
        errors.add(new FieldError("activities[" + i + "].activityId", "is given twice"));
      }
      Long unitCost = catalogue.find(a.serviceCode()).map(e -> e.unitCostCents).orElse(null);
      activities.add(a.priced(activityId, unitCost));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
    return new PlanContent(
        content.objectives(),
        content.profile(),
        activities,
        content.internship(),
        content.signatures());
  }

  /** The top-level sections whose content differs; section names only, never values. */
  static List<String> sections(PlanContent before, PlanContent after) {
    JsonNode a = PlanDocuments.tree(PlanDocuments.write(before));
    JsonNode b = PlanDocuments.tree(PlanDocuments.write(after));
    List<String> changed = new ArrayList<>();
    for (String name : List.of("objectives", "profile", "activities", "internship", "signatures")) {
      if (!Objects.equals(a.get(name), b.get(name))) {
        changed.add(name);
      }
    }
    return changed;
  }

  private static void requireWriter(Plan p, Caller caller) {
    if (!PlanAccess.canWrite(caller, p)) {
      throw new ProblemException(Problem.forbidden());
    }
  }

  /** The plan if {@code caller} may see it, else 404. */
  static Plan visible(Plan p, UUID id, Caller caller) {
    if (p == null || !PlanAccess.canRead(caller, p)) {
      throw ProblemException.notFound("plan", id);
    }
    return p;
  }

  private void record(Plan p, String action, int version, List<String> detail, Caller by) {
    history.record(p.id, action, version, detail, by);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
