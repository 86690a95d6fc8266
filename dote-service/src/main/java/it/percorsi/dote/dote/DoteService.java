package it.percorsi.dote.dote;

import io.quarkus.narayana.jta.QuarkusTransaction;
import it.percorsi.dote.DoteProblems;
import it.percorsi.dote.eligibility.Eligibility;
import it.percorsi.dote.eligibility.EligibilityCheck;
import it.percorsi.dote.events.DoteEvent;
import it.percorsi.dote.events.QuotaExhausted;
import it.percorsi.dote.ledger.Ledger;
import it.percorsi.dote.programme.Programme;
import it.percorsi.dote.programme.ProgrammeRepository;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.events.DomainEvent;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.paging.Page;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.problem.ProblemException;
import it.percorsi.platform.projection.participant.ParticipantProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The dote's transactions on behalf of a caller: applications, extension requests and decisions,
 * revocations, the expiry of reservations. Each loads the dote, checks that the caller may see it
 * (another organisation's dote is a 404), lets the aggregate change, and appends its event to the
 * outbox and the actor to the audit trail in the same transaction.
 */
@ApplicationScoped
public class DoteService {

  static final String AUDIT = "dote";
  private static final int EXPIRY_BATCH = 200;

  private final DoteRepository dotes;
  private final ProgrammeRepository programmes;
  private final Eligibility eligibility;
  private final Ledger ledger;
  private final DoteFunding funding;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final EntityManager em;
  private final Clock clock;

  public DoteService(
      DoteRepository dotes,
      ProgrammeRepository programmes,
      Eligibility eligibility,
      Ledger ledger,
      DoteFunding funding,
      Outbox outbox,
      AuditTrail audit,
      EntityManager em,
      Clock clock) {
    this.dotes = dotes;
    this.programmes = programmes;
    this.eligibility = eligibility;
    this.ledger = ledger;
    this.funding = funding;
    this.outbox = outbox;
    this.audit = audit;
    this.em = em;
    this.clock = clock;
  }

  /**
   * Applies for a dote, in this order: the programme is open today; the planned internship start
   * lies between today and the programme's start deadline; the participant is the caller's; the
   * programme has a quota for the participant's region; participant-service finds the participant
   * eligible; the person holds no live dote and none of this programme that was not given back;
   * then, as the last statements, a place under the promoter's cap and a place in the region's
   * quota — first come, first served. Emits {@code dote.assigned}, and {@code quota.exhausted} when
   * the last place goes.
   *
   * <p>Joins the caller's transaction (the Idempotency-Key's, at the resource), so the reservation
   * and the stored answer commit together.
   */
  @Transactional
  public Dote apply(ApplyForDote request, Caller caller, String authorization) {
    LocalDate today = today();
    Programme programme = programmes.findById(request.programme());
    if (programme == null) {
      throw ProblemException.notFound("programme", request.programme());
    }
    programme.requireOpen(today);
    programme.requirePlannedStart(request.plannedInternshipStart(), today);
    ParticipantProjection participant = ParticipantProjection.findById(request.participantId());
    if (participant == null
        || (caller.is(Role.PROMOTER) && !caller.belongsTo(participant.ownerOrgId))) {
      throw ProblemException.notFound("participant", request.participantId());
    }
    if (!programmes.hasRegion(programme.code, participant.regionCode)) {
      throw DoteProblems.regionNotInProgramme(participant.regionCode, programme.code);
    }
    EligibilityCheck.Response answer =
        eligibility.check(
            request.participantId(), programme, request.plannedInternshipStart(), authorization);
    if (!answer.eligible()) {
      throw DoteProblems.notEligible(
          programme.code, answer.criteria().stream().filter(r -> !r.satisfied()).toList());
    }
    return reserve(programme, participant, request, caller, today);
  }

  /**
   * Writes the dote and its event first, then takes the promoter's place and the quota place as the
   * last statements before commit: the region's row lock, which makes applications queue, is held
   * only for the update and the commit. No place → the whole transaction rolls back.
   */
  private Dote reserve(
      Programme programme,
      ParticipantProjection participant,
      ApplyForDote request,
      Caller caller,
      LocalDate today) {
    if (!dotes.blocking(participant.participantId, programme.code).isEmpty()) {
      throw DoteProblems.alreadyHasDote(participant.participantId);
    }
    Dote.Assignment a =
        Dote.assign(
            programme,
            participant.participantId,
            caller.orgId(),
            participant.regionCode,
            participant.provinceCode,
            request.plannedInternshipStart(),
            today,
            clock.instant());
    try {
      dotes.persist(a.dote());
      em.flush(); // a concurrent second dote of the person fails its unique index here
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw DoteProblems.alreadyHasDote(participant.participantId);
      }
      throw e;
    }
    outbox.append(DoteEvent.TOPIC, a.event());
    if (programme.promoterCap != null
        && !programmes.takePromoterPlace(programme.code, caller.orgId(), programme.promoterCap)) {
      throw DoteProblems.promoterCapReached(programme.promoterCap, programme.code);
    }
    ProgrammeRepository.Place place =
        programmes
            .takeRegionalPlace(programme.code, participant.regionCode)
            .orElseThrow(() -> DoteProblems.quotaExhausted(participant.regionCode, programme.code));
    if (place.last()) {
      outbox.append(
          DoteEvent.TOPIC,
          new QuotaExhausted(programme.code, participant.regionCode, place.total()));
    }
    return a.dote();
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The dote if the caller may see it; otherwise 404, as if it did not exist. */
  @Transactional
  public Dote get(UUID id, Caller caller) {
    return visible(dotes.findById(id), id, caller);
  }

  /** A page of the dotes the caller may see, filtered. */
  @Transactional
  public <V> Page<V> list(
      DoteFilter filter, PageRequest page, Caller caller, Function<Dote, V> view) {
    return Page.of(
        dotes.page(filter, caller, page),
        page,
        d -> List.of(d.createdAt.toString(), d.id.toString()),
        view);
  }

  /** Who did what to a dote the caller may see, oldest first. */
  @Transactional
  public List<AuditTrail.Change> history(UUID id, Caller caller) {
    Dote d = get(id, caller);
    return audit.of(AUDIT, d.id);
  }

  /**
   * The dote's promoter (or the agency) asks for an extension; emits {@code
   * dote.extension-requested}.
   */
  @Transactional
  public Dote requestExtension(UUID id, int months, String ifMatch, Caller caller) {
    return act(
        id,
        ifMatch,
        caller,
        "extension-requested",
        months + " months",
        d -> {
          if (!DoteAccess.canRequestFor(caller, d)) {
            throw ProblemException.notFound("dote", id);
          }
          return d.requestExtension(months, programme(d), today());
        });
  }

  /**
   * The agency approves the requested extension: the allowance line grows by its months; emits
   * {@code dote.extended}, which placement-service uses to lengthen the internship.
   */
  @Transactional
  public Dote approveExtension(UUID id, String ifMatch, Caller caller) {
    return act(
        id,
        ifMatch,
        caller,
        "extension-approved",
        null,
        d -> {
          var event = d.approveExtension(programme(d));
          ledger.extendAllowance(d.id, event.addedAllowanceCents());
          return event;
        });
  }

  /** The agency refuses the requested extension; emits {@code dote.extension-refused}. */
  @Transactional
  public Dote refuseExtension(
      UUID id, Dote.ExtensionRefusal reason, String ifMatch, Caller caller) {
    return act(
        id,
        ifMatch,
        caller,
        "extension-refused",
        reason.name(),
        d -> d.refuseExtension(reason, today()));
  }

  /**
   * The agency revokes a live dote with a reason code (and optional free text, kept on the record
   * only); a reserved place returns to the quota. Emits {@code dote.revoked}.
   */
  @Transactional
  public Dote revoke(
      UUID id, Dote.RevocationReason reason, String text, String ifMatch, Caller caller) {
    return act(
        id,
        ifMatch,
        caller,
        "revoked",
        reason.name(),
        d -> {
          boolean reserved = d.state == Dote.State.ASSIGNED;
          var event = d.revoke(reason, text, today());
          if (reserved) {
            releasePlace(d);
          }
          funding.refuseParked(d);
          return event;
        });
  }

  /**
   * Expires reservations whose plan was not approved by their start deadline and gives their places
   * back, each in its own transaction; emits {@code dote.expired}.
   *
   * @return how many expired
   */
  public int expireOverdue() {
    return expireOverdue(today());
  }

  /** As {@link #expireOverdue()}, as of {@code today}. */
  public int expireOverdue(LocalDate today) {
    int expired = 0;
    List<UUID> ids;
    do {
      ids = QuarkusTransaction.requiringNew().call(() -> dotes.overdue(today, EXPIRY_BATCH));
      for (UUID id : ids) {
        if (QuarkusTransaction.requiringNew().call(() -> expireOne(id, today))) {
          expired++;
        }
      }
    } while (ids.size() == EXPIRY_BATCH);
    return expired;
  }

  private boolean expireOne(UUID id, LocalDate today) {
    Dote d = dotes.findForUpdate(id).orElse(null);
    if (d == null || d.state != Dote.State.ASSIGNED || !today.isAfter(d.startDeadline)) {
      return false;
    }
    outbox.append(DoteEvent.TOPIC, d.expire(today));
    releasePlace(d);
    audit.record(AUDIT, d.id, "expired", "NOT_STARTED_IN_TIME", AuditTrail.system("dote-service"));
    return true;
  }

  void releasePlace(Dote d) {
    programmes.returnRegionalPlace(d.programmeCode, d.regionCode);
    if (programme(d).promoterCap != null) {
      programmes.returnPromoterPlace(d.programmeCode, d.promoterOrgId);
    }
  }

  /**
   * The common path of an action on one dote: load it locked, 404 unless visible, check If-Match
   * when sent, change it, and record the event in the outbox and the actor in the audit trail.
   */
  private Dote act(
      UUID id,
      String ifMatch,
      Caller caller,
      String action,
      String detail,
      Function<Dote, ? extends DomainEvent> change) {
    Dote d = visible(dotes.findForUpdate(id).orElse(null), id, caller);
    Preconditions.optional(ifMatch, d.etag());
    outbox.append(DoteEvent.TOPIC, change.apply(d));
    audit.record(AUDIT, d.id, action, detail, caller);
    dotes.flush();
    return d;
  }

  Programme programme(Dote d) {
    return programmes.findById(d.programmeCode);
  }

  static Dote visible(Dote d, UUID id, Caller caller) {
    if (d == null || !DoteAccess.canRead(caller, d)) {
      throw ProblemException.notFound("dote", id);
    }
    return d;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }
}
