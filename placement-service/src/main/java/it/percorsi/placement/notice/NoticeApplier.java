package it.percorsi.placement.notice;

import it.percorsi.placement.employer.EmployerRepository;
import it.percorsi.placement.events.HireCancelled;
import it.percorsi.placement.events.PlacementEvent;
import it.percorsi.placement.followup.FollowUp;
import it.percorsi.placement.hire.Hire;
import it.percorsi.placement.hire.HireRules;
import it.percorsi.placement.hire.HireService;
import it.percorsi.placement.hire.RecordHire;
import it.percorsi.placement.internship.Internship;
import it.percorsi.placement.reference.ContractTypes;
import it.percorsi.placement.reference.TaxIds;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies one UNILAV notice about a participant, in its own transaction: all of it or nothing. A
 * hire notice records a hire (source NOTICE, {@code hire-recorded} as by hand); an extension, a
 * transformation or an end changes the participant's hire with that employer (and a new {@code
 * hire-recorded} states the hire as it now is); an internship notice (C.01.00) confirms the
 * internship's start. A notice already applied (same code) changes nothing; a correction undoes the
 * notice it corrects and applies itself; a cancellation undoes the notice it cancels. A hire undone
 * goes with a {@code hire-cancelled} (reason CANCELLED, or CORRECTED when a correction replaces it
 * by another hire, whose {@code hire-recorded} follows); terms put back go with a new {@code
 * hire-recorded}. Follow-ups derived from a hire that changed are reopened, to be worked out again.
 */
@ApplicationScoped
public class NoticeApplier {

  /** What applying a notice did. */
  public enum Outcome {
    APPLIED,
    UNCHANGED
  }

  /** The notice cannot be applied: why, for the batch's report (no personal data). */
  public static class Refused extends RuntimeException {
    public Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private final EmployerRepository employers;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final Validator validator;
  private final Clock clock;

  public NoticeApplier(
      EmployerRepository employers,
      Outbox outbox,
      AuditTrail audit,
      Validator validator,
      Clock clock) {
    this.employers = employers;
    this.outbox = outbox;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Applies {@code n}, about participant {@code participantId}, uploaded by {@code by}.
   *
   * @throws Refused when it cannot be applied; nothing changed then
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome apply(Notice n, UUID participantId, UUID batchId, Caller by) {
    if (AppliedNotice.findById(n.code()) != null) {
      return Outcome.UNCHANGED;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Outcome outcome =
        switch (n.kind()) {
          case ORIGINAL -> {
            original(n, participantId, batchId, by, now);
            yield Outcome.APPLIED;
          }
          case CORRECTION -> correction(n, participantId, batchId, by, now);
          case CANCELLATION -> cancellation(n, participantId, batchId, by, now);
        };
    AppliedNotice.getEntityManager().flush();
    return outcome;
  }

  private void original(Notice n, UUID participantId, UUID batchId, Caller by, Instant now) {
    AppliedNotice a = AppliedNotice.of(n, n.event(), participantId, batchId, now);
    switch (n.event()) {
      case HIRE -> a.hireId = newHire(n, participantId, by, now).id;
      case INTERNSHIP -> {
        Internship i = internshipOf(n, participantId);
        i.confirmStartByNotice(n.code(), now);
        audit.record("internship", i.id, "start-confirmed", "startNoticeCode", by);
        a.internshipId = i.id;
      }
      case EXTENSION, TRANSFORMATION, END -> {
        Hire h = hireFor(n, participantId);
        a.hireId = h.id;
        a.replaced(h.terms());
        change(h, terms(n, h), n.code(), change(n.event()), by);
      }
    }
    a.persist();
  }

  private Outcome correction(Notice n, UUID participantId, UUID batchId, Caller by, Instant now) {
    AppliedNotice target = target(n);
    if (target == null) {
      // The notice it corrects was never applied here (for example it named another worker,
      // who is no participant): the correction is what the employer now says happened.
      original(n, participantId, batchId, by, now);
      return Outcome.APPLIED;
    }
    if (target.state != AppliedNotice.State.APPLIED) {
      throw new Refused(
          "corrects notice " + n.targetsCode() + ", already " + target.state.name().toLowerCase());
    }
    if (target.event == Notice.Event.HIRE
        && n.event() == Notice.Event.HIRE
        && target.participantId.equals(participantId)) {
      Hire h = Hire.findById(target.hireId, LockModeType.PESSIMISTIC_WRITE);
      if (h != null) {
        RecordHire r = request(n, participantId);
        ContractTypes.ContractType type = validType(r);
        UUID employerId = employers.byTaxCode(r.employerTaxCode()).map(e -> e.id).orElse(null);
        outbox.append(PlacementEvent.TOPIC, h.correct(r, type, employerId, n.code()));
        audit.record("hire", h.id, "corrected-by-notice", "", by);
        reopenFollowUps(h, false);
        target.state = AppliedNotice.State.CORRECTED;
        AppliedNotice a = AppliedNotice.of(n, n.event(), participantId, batchId, now);
        a.hireId = h.id;
        a.persist();
        return Outcome.APPLIED;
      }
    }
    undo(target, n.code(), HireCancelled.Reason.CORRECTED, by, now);
    target.state = AppliedNotice.State.CORRECTED;
    original(n, participantId, batchId, by, now);
    return Outcome.APPLIED;
  }

  private Outcome cancellation(Notice n, UUID participantId, UUID batchId, Caller by, Instant now) {
    AppliedNotice target = target(n);
    if (target == null || target.state != AppliedNotice.State.APPLIED) {
      // Nothing of it here (never applied, or already undone).
      return Outcome.UNCHANGED;
    }
    undo(target, n.code(), HireCancelled.Reason.CANCELLED, by, now);
    target.state = AppliedNotice.State.CANCELLED;
    AppliedNotice a = AppliedNotice.of(n, target.event, participantId, batchId, now);
    a.hireId = target.hireId;
    a.internshipId = target.internshipId;
    a.persist();
    return Outcome.APPLIED;
  }

  private static AppliedNotice target(Notice n) {
    return AppliedNotice.findById(n.targetsCode(), LockModeType.PESSIMISTIC_WRITE);
  }

  /** Undoes what {@code target} did; a hire it notified is cancelled for {@code reason}. */
  private void undo(
      AppliedNotice target, String byCode, HireCancelled.Reason reason, Caller by, Instant now) {
    switch (target.event) {
      case HIRE -> {
        Hire h = Hire.findById(target.hireId, LockModeType.PESSIMISTIC_WRITE);
        if (h != null) {
          reopenFollowUps(h, true);
          // Later notices on the hire go with it.
          AppliedNotice.update(
              "state = ?1 where hireId = ?2 and state = ?3 and noticeCode <> ?4",
              AppliedNotice.State.CANCELLED,
              h.id,
              AppliedNotice.State.APPLIED,
              target.noticeCode);
          audit.record("hire", h.id, "cancelled-by-notice", "", by);
          outbox.append(PlacementEvent.TOPIC, h.cancel(reason));
          h.delete();
        }
      }
      case INTERNSHIP -> {
        Internship i = Internship.findById(target.internshipId, LockModeType.PESSIMISTIC_WRITE);
        if (i != null && target.noticeCode.equals(i.startNoticeCode)) {
          i.confirmStartByNotice(null, now);
          audit.record("internship", i.id, "start-confirmation-withdrawn", "startNoticeCode", by);
        }
      }
      case EXTENSION, TRANSFORMATION, END -> {
        Hire h = Hire.findById(target.hireId, LockModeType.PESSIMISTIC_WRITE);
        if (h != null) {
          change(h, target.previous(), byCode, "undone-by-notice", by);
        }
      }
    }
  }

  private Hire newHire(Notice n, UUID participantId, Caller by, Instant now) {
    RecordHire r = request(n, participantId);
    ContractTypes.ContractType type = validType(r);
    Hire.Case k = HireService.caseOf(participantId);
    if (k == null) {
      throw new Refused("the participant is not known to placement-service yet: upload it again");
    }
    UUID employerId = employers.byTaxCode(r.employerTaxCode()).map(e -> e.id).orElse(null);
    String org = by.orgId() == null ? "UNILAV" : by.orgId();
    Hire.Recorded recorded = Hire.notified(r, type, k, employerId, org, n.code(), now);
    Hire h = recorded.hire();
    h.persist();
    audit.record("hire", h.id, "notified", "noticeCode", by);
    outbox.append(PlacementEvent.TOPIC, recorded.event());
    return h;
  }

  private RecordHire request(Notice n, UUID participantId) {
    return new RecordHire(
        participantId,
        TaxIds.normalise(n.employerTaxCode()),
        n.contractType(),
        n.startDate(),
        n.endDate(),
        n.weeklyHours(),
        n.atecoCode(),
        n.istatProfession());
  }

  /** The hire rules of {@link HireRules}, as for a hire recorded by hand. */
  private ContractTypes.ContractType validType(RecordHire r) {
    var violations = validator.validate(r);
    if (!violations.isEmpty()) {
      throw new Refused(
          violations.stream()
              .map(v -> v.getPropertyPath() + " " + v.getMessage())
              .sorted()
              .collect(Collectors.joining("; ")));
    }
    List<Problem.FieldError> errors = HireRules.check(r);
    if (!errors.isEmpty()) {
      throw new Refused(
          errors.stream()
              .map(e -> e.field() + " " + e.message())
              .sorted()
              .collect(Collectors.joining("; ")));
    }
    return ContractTypes.of(r.contractType()).orElseThrow();
  }

  /** The participant's hire with the notice's employer that the notice is about. */
  private static Hire hireFor(Notice n, UUID participantId) {
    LocalDate on = n.event() == Notice.Event.END ? n.endDate() : n.startDate();
    Hire h =
        Hire.<Hire>find(
                "participantId = ?1 and employerTaxCode = ?2 and startDate <= ?3"
                    + " order by startDate desc",
                participantId,
                TaxIds.normalise(n.employerTaxCode()),
                on)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    if (h == null) {
      throw new Refused(
          "no hire of the participant with this employer started by "
              + on
              + " to "
              + switch (n.event()) {
                case EXTENSION -> "extend";
                case TRANSFORMATION -> "transform";
                default -> "end";
              });
    }
    return h;
  }

  /** The hire's terms once the notice applies. */
  private static Hire.Terms terms(Notice n, Hire h) {
    Hire.Terms now = h.terms();
    return switch (n.event()) {
      case EXTENSION -> {
        if (n.endDate().isBefore(h.startDate)) {
          throw new Refused("the extension ends before the hire started");
        }
        yield new Hire.Terms(
            now.contractType(),
            now.contractFamily(),
            n.endDate(),
            n.weeklyHours(),
            n.istatProfession() == null ? now.istatProfession() : n.istatProfession());
      }
      case TRANSFORMATION -> {
        ContractTypes.ContractType type =
            ContractTypes.of(n.contractType())
                .orElseThrow(
                    () ->
                        new Refused(
                            "contractType is not a UNILAV contract type (see GET"
                                + " /hires/contract-types)"));
        if (type.endRequired() && n.endDate() == null) {
          throw new Refused("endDate is required for a fixed-term contract");
        }
        LocalDate end = type.endRequired() ? n.endDate() : null;
        if (end != null && end.isBefore(h.startDate)) {
          throw new Refused("the transformed contract ends before the hire started");
        }
        yield new Hire.Terms(
            type.code(),
            type.family().name(),
            end,
            n.weeklyHours(),
            n.istatProfession() == null ? now.istatProfession() : n.istatProfession());
      }
      default -> {
        if (n.endDate().isBefore(h.startDate)) {
          throw new Refused("the employment ends before it started");
        }
        yield new Hire.Terms(
            now.contractType(),
            now.contractFamily(),
            n.endDate(),
            now.weeklyHours(),
            now.istatProfession());
      }
    };
  }

  private static String change(Notice.Event e) {
    return switch (e) {
      case EXTENSION -> "extended-by-notice";
      case TRANSFORMATION -> "transformed-by-notice";
      default -> "ended-by-notice";
    };
  }

  private void change(Hire h, Hire.Terms t, String code, String action, Caller by) {
    outbox.append(PlacementEvent.TOPIC, h.amend(t, code));
    audit.record("hire", h.id, action, "contractType,endDate,weeklyHours", by);
    reopenFollowUps(h, false);
  }

  /** Checkpoints derived from {@code h} that no longer hold are worked out again. */
  private static void reopenFollowUps(Hire h, boolean gone) {
    for (FollowUp f : FollowUp.<FollowUp>list("hireId", h.id)) {
      f.reopenIfDerivedFrom(h, gone);
    }
  }

  /** The participant's internship the notice is about: the one starting that day, else latest. */
  private static Internship internshipOf(Notice n, UUID participantId) {
    Internship i =
        Internship.<Internship>find(
                "participantId = ?1 order by (case when startDate = ?2 then 0 else 1 end),"
                    + " startDate desc",
                participantId,
                n.startDate())
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    if (i == null) {
      throw new Refused("an internship notice, and the participant has no internship");
    }
    return i;
  }
}
