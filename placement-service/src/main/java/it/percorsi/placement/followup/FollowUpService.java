package it.percorsi.placement.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import it.percorsi.placement.PlacementProblems;
import it.percorsi.placement.events.FollowUpRecorded;
import it.percorsi.placement.events.PlacementEvent;
import it.percorsi.placement.hire.HireService;
import it.percorsi.placement.internship.Internship;
import it.percorsi.placement.internship.InternshipService;
import it.percorsi.placement.reference.ContractTypes;
import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.LockOptions;

/**
 * Follow-ups at 1, 3, 6 and 12 months after an internship ends: scheduled when it ends, derived
 * from known hires on their due date, else waiting for the promoter.
 */
@ApplicationScoped
public class FollowUpService {

  static final CaseScope SCOPE = new CaseScope("promoterOrgId", "provinceCode", null);
  private static final int BATCH = 100;

  private final InternshipService internships;
  private final Outbox outbox;

  /** The actor of changes the service makes itself. */
  static final Caller SYSTEM = AuditTrail.system("placement-service");

  private final Clock clock;
  private final AuditTrail audit;

  public FollowUpService(
      InternshipService internships, Outbox outbox, Clock clock, AuditTrail audit) {
    this.internships = internships;
    this.outbox = outbox;
    this.clock = clock;
    this.audit = audit;
  }

  /** Schedules the checkpoints of an internship that just ended (in its transaction). */
  public static void schedule(Internship i) {
    FollowUp.schedule(i).forEach(f -> f.persist());
  }

  /**
   * Works out every checkpoint due by {@code today} and not yet recorded: employed under a known
   * hire (emits {@code follow-up-recorded}), else waiting for the promoter. A waiting checkpoint is
   * looked at again on later runs, so a hire recorded late still settles it. Idempotent.
   *
   * @return how many checkpoints were recorded in this run
   */
  public int runDue(LocalDate today) {
    int total = 0;
    int seen;
    UUID after = new UUID(0, 0);
    do {
      UUID from = after;
      List<UUID> ids =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      FollowUp.<FollowUp>find(
                              "status <> ?1 and dueOn <= ?2 and id > ?3 order by id",
                              FollowUp.Status.RECORDED,
                              today,
                              from)
                          .range(0, BATCH - 1)
                          .stream()
                          .map(f -> f.id)
                          .toList());
      seen = ids.size();
      if (!ids.isEmpty()) {
        after = ids.get(ids.size() - 1);
        total += QuarkusTransaction.requiringNew().call(() -> derive(ids, today));
      }
    } while (seen == BATCH);
    return total;
  }

  private int derive(List<UUID> ids, LocalDate today) {
    Instant now = clock.instant();
    int recorded = 0;
    List<FollowUp> due =
        FollowUp.<FollowUp>find("id in ?1", ids)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
            .list();
    for (FollowUp f : due) {
      var event = f.derive(HireService.of(f.participantId), today, now);
      if (event.isPresent()) {
        audit.record(
            "internship", f.internshipId, "follow-up-derived", "followUps." + f.months, SYSTEM);
        outbox.append(PlacementEvent.TOPIC, event.get());
        recorded++;
      }
    }
    return recorded;
  }

  /**
   * The promoter records the status at a due checkpoint; emits {@code follow-up-recorded}.
   *
   * @throws ProblemException 404 when not visible or not ended, 403 for a non-promoter, 400 for an
   *     unknown contract type, 422 before the due date, 409 when already recorded
   */
  @Transactional
  public FollowUp record(
      UUID internshipId, int months, boolean employed, String contractType, Caller caller) {
    Internship i = internships.get(internshipId, caller);
    if (!caller.is(it.percorsi.platform.caller.Role.PROMOTER)
        || !caller.belongsTo(i.promoterOrgId)) {
      throw PlacementProblems.notAParty();
    }
    FollowUp f =
        FollowUp.<FollowUp>find("internshipId = ?1 and months = ?2", i.id, months)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(() -> ProblemException.notFound("follow-up", internshipId + "/" + months));
    String family = null;
    if (employed) {
      if (contractType == null) {
        throw PlacementProblems.invalid("contractType", "is required when employed");
      }
      family =
          ContractTypes.of(contractType)
              .orElseThrow(
                  () -> PlacementProblems.invalid("contractType", "is not a UNILAV contract type"))
              .family()
              .name();
    }
    Instant now = clock.instant();
    FollowUpRecorded event =
        f.record(employed, employed ? contractType : null, family, LocalDate.now(clock), now);
    audit.record("internship", i.id, "follow-up-recorded", "followUps." + months, caller);
    outbox.append(PlacementEvent.TOPIC, event);
    FollowUp.getEntityManager().flush();
    return f;
  }

  @Transactional
  public List<FollowUp> of(UUID internshipId, Caller caller) {
    Internship i = internships.get(internshipId, caller);
    return FollowUp.list("internshipId = ?1 order by months", i.id);
  }

  /** The checkpoints the caller may see in {@code status} (e.g. WAITING: due, for the promoter). */
  @Transactional
  public List<FollowUp> list(FollowUp.Status status, Caller caller, int limit) {
    CaseScope.Where scope = SCOPE.where(caller);
    Map<String, Object> params = new HashMap<>(scope.params());
    params.put("status", status);
    return FollowUp.<FollowUp>find(
            scope.jpql() + " and status = :status order by dueOn, id", params)
        .range(0, limit - 1)
        .list();
  }
}
