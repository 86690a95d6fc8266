package it.percorsi.placement.internship;

import it.percorsi.placement.PlacementProblems;
import it.percorsi.placement.attendance.AttendanceMonth;
import it.percorsi.placement.attendance.Party;
import it.percorsi.placement.employer.Employer;
import it.percorsi.placement.employer.EmployerRepository;
import it.percorsi.placement.employer.EmployerService;
import it.percorsi.placement.events.InternshipCompleted;
import it.percorsi.placement.events.PlacementEvent;
import it.percorsi.placement.followup.FollowUpService;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.paging.Page;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.problem.ProblemException;
import it.percorsi.platform.projection.dote.DoteEvents;
import it.percorsi.platform.projection.dote.DoteProjected;
import it.percorsi.platform.projection.dote.DoteProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The internship's transactions: each loads the internship, checks that the caller may see it
 * (another organisation's is a 404), lets the aggregate change, and appends its event to the outbox
 * and an entry to the audit trail in the same transaction.
 */
@ApplicationScoped
public class InternshipService {

  static final String AGGREGATE = "internship";

  private final InternshipRepository internships;
  private final EmployerRepository employers;
  private final Outbox outbox;

  /** The actor of changes the service makes itself. */
  static final Caller SYSTEM = AuditTrail.system("placement-service");

  private final Clock clock;
  private final AuditTrail audit;

  public InternshipService(
      InternshipRepository internships,
      EmployerRepository employers,
      Outbox outbox,
      Clock clock,
      AuditTrail audit) {
    this.internships = internships;
    this.employers = employers;
    this.outbox = outbox;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Starts an internship for an active dote of the caller's organisation; emits {@code
   * internship-started}. Starts at one host queue on the employer's row, so its limit of concurrent
   * interns holds under concurrency.
   *
   * @throws ProblemException 404 when the dote or the employer is not the caller's to use, 422/409
   *     for the refusals of {@link Internship#start}
   */
  @Transactional
  public Internship start(StartInternship r, Caller caller) {
    DoteProjection dote = DoteProjection.findById(r.doteId());
    if (dote == null || !caller.is(Role.PROMOTER) || !caller.belongsTo(dote.promoterOrgId)) {
      throw ProblemException.notFound("dote", r.doteId());
    }
    Employer employer =
        EmployerService.visible(
            employers.findForUpdate(r.employerId()).orElse(null), r.employerId(), caller);
    Instant now = clock.instant();
    Internship.Started started =
        Internship.start(
            r,
            dote,
            employer,
            internships.runningAt(employer.id),
            internships.runningOf(dote.participantId),
            now);
    Internship i = started.internship();
    internships.persist(i);
    audit.record(AGGREGATE, i.id, "started", "", caller);
    outbox.append(PlacementEvent.TOPIC, started.event());
    internships.flush();
    return i;
  }

  @Transactional
  public Internship get(UUID id, Caller caller) {
    return visible(internships.findByIdOptional(id).orElse(null), id, caller);
  }

  /** Completes the internship at its planned end; emits {@code internship-completed}. */
  @Transactional
  public Internship complete(UUID id, String ifMatch, Caller caller) {
    Internship i = owned(id, ifMatch, caller);
    Instant now = clock.instant();
    InternshipCompleted event = i.complete(today(), now);
    return ended(i, event, "completed", caller, now);
  }

  /** Ends the internship early; emits {@code internship-completed} with outcome INTERRUPTED. */
  @Transactional
  public Internship interrupt(
      UUID id, String ifMatch, InterruptionReason reason, LocalDate lastDay, Caller caller) {
    Internship i = owned(id, ifMatch, caller);
    Instant now = clock.instant();
    InternshipCompleted event =
        i.interrupt(reason, lastDay == null ? today() : lastDay, today(), now);
    return ended(i, event, "interrupted", caller, now);
  }

  /**
   * A dote extension lengthens its running internship (in the inbox transaction of {@code
   * dote.extended}); emits {@code internship-extended}.
   */
  void onDoteProjected(@Observes DoteProjected projected) {
    if (!projected.is(DoteEvents.EXTENDED)) {
      return;
    }
    Instant now = clock.instant();
    for (Internship i : internships.runningOfDote(projected.dote().doteId)) {
      i.extendTo(projected.dote().extensionMonths, now)
          .ifPresent(
              event -> {
                audit.record(AGGREGATE, i.id, "extended", "extensionMonths,plannedEndDate", SYSTEM);
                outbox.append(PlacementEvent.TOPIC, event);
              });
    }
  }

  /**
   * Enters or corrects a month's attended hours, as the host or the promoter of the internship.
   * Until the other party confirms it, the month may be corrected (If-Match required then).
   */
  @Transactional
  public AttendanceMonth recordAttendance(
      UUID id, YearMonth month, int attendedHours, String ifMatch, Caller caller) {
    Internship i = visible(internships.findForUpdate(id).orElse(null), id, caller);
    Party party = party(i, caller);
    Optional<AttendanceMonth> existing = internships.attendance(i.id, month.toString());
    if (existing.isPresent()) {
      Preconditions.required(ifMatch, existing.get().etag());
    }
    Instant now = clock.instant();
    AttendanceMonth a = i.recordAttendance(existing, month, attendedHours, party, today(), now);
    if (existing.isEmpty()) {
      a.persist();
    }
    audit.record(
        AGGREGATE,
        i.id,
        existing.isEmpty() ? "attendance-entered" : "attendance-corrected",
        "attendance." + month,
        caller);
    internships.flush();
    return a;
  }

  /** The other party confirms a month; emits {@code attendance-recorded} once. */
  @Transactional
  public AttendanceMonth confirmAttendance(UUID id, YearMonth month, Caller caller) {
    Internship i = visible(internships.findForUpdate(id).orElse(null), id, caller);
    Party party = party(i, caller);
    Optional<AttendanceMonth> entered = internships.attendance(i.id, month.toString());
    Instant now = clock.instant();
    outbox.append(PlacementEvent.TOPIC, i.confirmAttendance(entered, month, party, now));
    audit.record(AGGREGATE, i.id, "attendance-confirmed", "attendance." + month, caller);
    internships.flush();
    return entered.orElseThrow();
  }

  @Transactional
  public List<AttendanceMonth> attendance(UUID id, Caller caller) {
    return internships.attendance(get(id, caller).id);
  }

  @Transactional
  public Page<InternshipView> list(
      InternshipRepository.Filter filter, PageRequest page, Caller caller) {
    return Page.of(
        internships.page(filter, caller, page),
        page,
        i -> List.of(i.startedAt.toString(), i.id.toString()),
        InternshipView::of);
  }

  @Transactional
  public List<AuditTrail.Change> history(UUID id, Caller caller) {
    return audit.of(AGGREGATE, get(id, caller).id);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The internship if {@code caller} may see it, else 404. */
  static Internship visible(Internship i, UUID id, Caller caller) {
    if (i == null || !InternshipAccess.canRead(caller, i)) {
      throw ProblemException.notFound("internship", id);
    }
    return i;
  }

  /** Which party {@code caller} is: the host of the internship or its promoter; else 403. */
  static Party party(Internship i, Caller caller) {
    if (caller.is(Role.HOST) && i.hostOrgId != null && caller.belongsTo(i.hostOrgId)) {
      return Party.HOST;
    }
    if (caller.is(Role.PROMOTER) && caller.belongsTo(i.promoterOrgId)) {
      return Party.PROMOTER;
    }
    throw PlacementProblems.notAParty();
  }

  /** Loaded locked, visible, the caller's organisation's, If-Match checked when sent. */
  private Internship owned(UUID id, String ifMatch, Caller caller) {
    Internship i = visible(internships.findForUpdate(id).orElse(null), id, caller);
    if (party(i, caller) != Party.PROMOTER) {
      throw PlacementProblems.notAParty();
    }
    Preconditions.optional(ifMatch, i.etag());
    return i;
  }

  private Internship ended(
      Internship i, InternshipCompleted event, String action, Caller caller, Instant now) {
    audit.record(AGGREGATE, i.id, action, "state,endedOn", caller);
    outbox.append(PlacementEvent.TOPIC, event);
    FollowUpService.schedule(i);
    internships.flush();
    return i;
  }
}
