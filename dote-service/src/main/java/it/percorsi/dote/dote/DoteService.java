package it.percorsi.dote.dote;

import io.quarkus.narayana.jta.QuarkusTransaction;
import it.percorsi.dote.eligibility.Eligibility;
import it.percorsi.dote.eligibility.EligibilityCheck;
import it.percorsi.dote.events.DoteEvents;
import it.percorsi.dote.events.DoteEvents.QuotaExhausted;
import it.percorsi.dote.ledger.Ledger;
import it.percorsi.dote.programme.Programme;
import it.percorsi.dote.programme.ProgrammeRepository;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.idempotency.StoredResponse;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.Problem;
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
import org.jboss.logging.Logger;

/**
 * Applications and the dote lifecycle. Every change commits with its events (outbox); quota places
 * are taken with conditional updates under row locks, and the database's unique indexes stop a
 * second live dote of the same person, so concurrency cannot oversubscribe anything.
 */
@ApplicationScoped
public class DoteService {

  private static final Logger LOG = Logger.getLogger(DoteService.class);

  private final DoteRepository dotes;
  private final ProgrammeRepository programmes;
  private final Eligibility eligibility;
  private final Ledger ledger;
  private final Outbox outbox;
  private final Idempotency idempotency;
  private final EntityManager em;
  private final Clock clock;

  public DoteService(
      DoteRepository dotes,
      ProgrammeRepository programmes,
      Eligibility eligibility,
      Ledger ledger,
      Outbox outbox,
      Idempotency idempotency,
      EntityManager em,
      Clock clock) {
    this.dotes = dotes;
    this.programmes = programmes;
    this.eligibility = eligibility;
    this.ledger = ledger;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.em = em;
    this.clock = clock;
  }

  /**
   * Applies for a dote: programme open today, participant eligible (asked of participant-service
   * with the caller's token, before any lock is taken), no other dote of the person, a place in the
   * quota of the participant's region and under the promoter's cap — first come, first served.
   * Emits {@code dote.assigned}, and {@code quota.exhausted} when the last place goes.
   */
  public Dote apply(ApplyForDote request, Caller caller, String authorization) {
    return apply(request, caller, authorization, null, d -> null).dote();
  }

  /** A dote just assigned and the answer given for it (first or replayed). */
  public record Applied(Dote dote, StoredResponse answer) {}

  /**
   * As {@link #apply(ApplyForDote, Caller, String)}, under an {@code Idempotency-Key}: the
   * reservation and the key's stored answer commit together, so a retry with the same key gets the
   * first answer and reserves nothing more. The checks before the reservation (programme window,
   * eligibility) run again on a retry.
   */
  public Applied apply(
      ApplyForDote request,
      Caller caller,
      String authorization,
      String idempotencyKey,
      java.util.function.Function<Dote, StoredResponse> render) {
    LocalDate today = LocalDate.now(clock);
    Programme programme =
        QuarkusTransaction.requiringNew().call(() -> programmes.findById(request.programme()));
    if (programme == null) {
      throw ProblemException.notFound("programme", request.programme());
    }
    if (!programme.openOn(today)) {
      throw new ProblemException(
          Problem.of(
                  "programme-closed",
                  "Programme closed",
                  409,
                  "Programme "
                      + programme.code
                      + " accepts applications from "
                      + programme.applicationOpens
                      + " to "
                      + programme.applicationCloses)
              .with("applicationOpens", programme.applicationOpens)
              .with("applicationCloses", programme.applicationCloses));
    }
    ParticipantProjection participant =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ParticipantProjection.<ParticipantProjection>findById(request.participantId()));
    if (participant == null
        || (caller.is(Role.PROMOTER) && !caller.belongsTo(participant.ownerOrgId))) {
      throw ProblemException.notFound("participant", request.participantId());
    }
    EligibilityCheck.Response answer =
        eligibility.check(
            request.participantId(), programme, request.plannedInternshipStart(), authorization);
    if (!answer.eligible()) {
      List<EligibilityCheck.Result> failed =
          answer.criteria().stream().filter(r -> !r.satisfied()).toList();
      throw new ProblemException(
          Problem.of(
                  "not-eligible",
                  "Participant not eligible",
                  422,
                  "The participant does not meet "
                      + failed.size()
                      + " criteria of programme "
                      + programme.code)
              .with("failedCriteria", failed));
    }
    Dote[] reserved = new Dote[1];
    try {
      StoredResponse stored =
          idempotency.once(
              caller,
              idempotencyKey,
              idempotency.fingerprint("POST", "/dotes", request),
              () -> {
                reserved[0] = reserve(programme, participant, request, caller, today);
                return render.apply(reserved[0]);
              });
      return new Applied(reserved[0], stored);
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw alreadyHasDote(request.participantId());
      }
      throw e;
    }
  }

  /**
   * Writes the dote and its event first, then takes the quota place and the promoter's place as the
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
      throw alreadyHasDote(participant.participantId);
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
    dotes.persist(a.dote());
    em.flush(); // surfaces a unique-index violation (a concurrent second dote) here
    outbox.append(DoteEvents.TOPIC, a.event());
    if (programme.promoterCap != null
        && !programmes.takePromoterPlace(programme.code, caller.orgId(), programme.promoterCap)) {
      throw new ProblemException(
          Problem.of(
                  "promoter-cap-reached",
                  "Promoter cap reached",
                  409,
                  "Your organisation already holds the "
                      + programme.promoterCap
                      + " dotes programme "
                      + programme.code
                      + " allows")
              .with("promoterCap", programme.promoterCap));
    }
    int[] place = programmes.takeRegionalPlace(programme.code, participant.regionCode);
    if (place == null) {
      throw new ProblemException(
          Problem.of(
                  "quota-exhausted",
                  "Regional quota exhausted",
                  409,
                  "No place is left in region "
                      + participant.regionCode
                      + " for programme "
                      + programme.code)
              .with("regionCode", participant.regionCode));
    }
    if (place[0] == place[1]) {
      outbox.append(
          DoteEvents.TOPIC, new QuotaExhausted(programme.code, participant.regionCode, place[1]));
    }
    return a.dote();
  }

  private static ProblemException alreadyHasDote(UUID participantId) {
    return new ProblemException(
        Problem.of(
            "already-has-dote",
            "Participant already has a dote",
            409,
            "Participant "
                + participantId
                + " already holds a dote of this programme or another live dote"));
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A dote the caller may see, else 404. */
  @Transactional
  public Dote get(UUID id, Caller caller) {
    Dote d = dotes.findById(id);
    if (d == null || !DoteAccess.canRead(caller, d)) {
      throw ProblemException.notFound("dote", id);
    }
    return d;
  }

  /**
   * The plan of the dote was approved: activates it and commits its budget lines. Emits {@code
   * dote.activated}. A redelivered approval of an already active dote is ignored.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void planApproved(UUID doteId, UUID planId) {
    Dote d = dotes.findById(doteId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (d == null) {
      throw new it.percorsi.platform.inbox.PoisonEventException(
          "plan approved for unknown dote " + doteId);
    }
    if (d.state != Dote.State.ASSIGNED) {
      LOG.infof("Plan %s approved for dote %s in state %s: nothing to do", planId, doteId, d.state);
      return;
    }
    Programme p = programmes.findById(d.programmeCode);
    var event = d.activate(planId, LocalDate.now(clock), p);
    ledger.open(d, event);
    outbox.append(DoteEvents.TOPIC, event);
  }

  /** Extends an active dote within the programme's limit; emits {@code dote.extended}. */
  @Transactional
  public Dote extend(UUID id, int months, Caller caller, String ifMatch) {
    Dote d = writable(id, caller, ifMatch);
    if (!caller.isAgency() && !(caller.is(Role.PROMOTER) && caller.belongsTo(d.promoterOrgId))) {
      throw ProblemException.notFound("dote", id);
    }
    Programme p = programmes.findById(d.programmeCode);
    var event = d.extend(months, p);
    ledger.extendAllowance(d.id, event.addedAllowanceCents());
    outbox.append(DoteEvents.TOPIC, event);
    return d;
  }

  /** The agency revokes a live dote; a reserved place returns to the quota. */
  @Transactional
  public Dote revoke(UUID id, String reason, Caller caller, String ifMatch) {
    Dote d = writable(id, caller, ifMatch);
    boolean wasReserved = d.state == Dote.State.ASSIGNED;
    var event = d.revoke(reason, LocalDate.now(clock));
    if (wasReserved) {
      releasePlace(d);
    }
    outbox.append(DoteEvents.TOPIC, event);
    return d;
  }

  /** The internship ended: completes the dote and authorises the host contribution. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void internshipCompleted(UUID doteId, String sourceEventId) {
    Dote d = dotes.findById(doteId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (d == null) {
      throw new it.percorsi.platform.inbox.PoisonEventException(
          "completion for unknown dote " + doteId);
    }
    if (d.state == Dote.State.ACTIVE || d.state == Dote.State.EXTENDED) {
      outbox.append(DoteEvents.TOPIC, d.complete(LocalDate.now(clock)));
    }
    ledger.authoriseHostContribution(d, sourceEventId);
  }

  /**
   * Expires reservations whose internship did not start by their deadline and gives their places
   * back. Each dote in its own transaction; emits {@code dote.expired}.
   *
   * @return how many expired
   */
  public int expireOverdue() {
    LocalDate today = LocalDate.now(clock);
    int expired = 0;
    List<UUID> ids;
    do {
      ids = QuarkusTransaction.requiringNew().call(() -> dotes.overdue(today, 200));
      for (UUID id : ids) {
        QuarkusTransaction.requiringNew().run(() -> expireOne(id, today));
        expired++;
      }
    } while (ids.size() == 200);
    return expired;
  }

  private void expireOne(UUID id, LocalDate today) {
    Dote d = dotes.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (d == null || d.state != Dote.State.ASSIGNED || !today.isAfter(d.startDeadline)) {
      return;
    }
    var event = d.expire(today);
    releasePlace(d);
    outbox.append(DoteEvents.TOPIC, event);
  }

  private void releasePlace(Dote d) {
    programmes.returnRegionalPlace(d.programmeCode, d.regionCode);
    Programme p = programmes.findById(d.programmeCode);
    if (p.promoterCap != null) {
      programmes.returnPromoterPlace(d.programmeCode, d.promoterOrgId);
    }
  }

  private Dote writable(UUID id, Caller caller, String ifMatch) {
    Dote d = dotes.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (d == null || !DoteAccess.canRead(caller, d)) {
      throw ProblemException.notFound("dote", id);
    }
    if (ifMatch != null && !ifMatch.equals(d.etag())) {
      throw ProblemException.staleWrite(d.etag());
    }
    return d;
  }
}
