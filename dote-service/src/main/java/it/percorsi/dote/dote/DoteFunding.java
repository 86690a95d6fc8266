package it.percorsi.dote.dote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.dote.events.DoteEvent;
import it.percorsi.dote.ledger.Account;
import it.percorsi.dote.ledger.BudgetLine;
import it.percorsi.dote.ledger.Ledger;
import it.percorsi.dote.programme.Programme;
import it.percorsi.dote.programme.ProgrammeRepository;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.inbox.PoisonEventException;
import it.percorsi.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What the rest of the case does to a dote's money, as it arrives from the bus: the approved plan
 * activates the dote and commits its budget; the internship's start tells which months may be paid;
 * attendance pays a month's allowance (in proportion for a part month) when it meets the
 * programme's threshold; delivered services pay the promoter; the internship's end pays the host
 * and, once its months are settled, completes the dote.
 *
 * <p>Money is paid only while the dote runs (active or extended). An event that arrives before the
 * dote runs, or before its internship is known, is parked and applied when it can be; after a
 * revocation or the completion nothing more is paid, and the event is kept as a non-payable entry
 * with its reason. Every method runs in the inbox's transaction, once per event id.
 */
@ApplicationScoped
public class DoteFunding {

  public static final String PLAN_APPROVED = "it.percorsi.plan.approved.v1";
  public static final String SERVICE_DELIVERED = "it.percorsi.plan.service-delivered.v1";
  public static final String INTERNSHIP_STARTED = "it.percorsi.placement.internship-started.v1";
  public static final String INTERNSHIP_EXTENDED = "it.percorsi.placement.internship-extended.v1";
  public static final String ATTENDANCE_RECORDED = "it.percorsi.placement.attendance-recorded.v1";
  public static final String INTERNSHIP_COMPLETED = "it.percorsi.placement.internship-completed.v1";

  private static final Logger LOG = Logger.getLogger(DoteFunding.class);
  private static final ThreadLocal<UUID> REPLAYING = new ThreadLocal<>();
  private static final Caller SYSTEM = AuditTrail.system("dote-service");

  /** Whether an event was applied or must wait. */
  enum Outcome {
    APPLIED,
    PARKED
  }

  private final DoteRepository dotes;
  private final ProgrammeRepository programmes;
  private final Ledger ledger;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final ObjectMapper mapper;
  private final Clock clock;

  public DoteFunding(
      DoteRepository dotes,
      ProgrammeRepository programmes,
      Ledger ledger,
      Outbox outbox,
      AuditTrail audit,
      ObjectMapper mapper,
      Clock clock) {
    this.dotes = dotes;
    this.programmes = programmes;
    this.ledger = ledger;
    this.outbox = outbox;
    this.audit = audit;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Applies one event of the plan or placement topic; types of no concern are skipped. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void handle(IncomingEvent e) {
    apply(e);
  }

  private Outcome apply(IncomingEvent e) {
    return switch (e.type()) {
      case PLAN_APPROVED -> planApproved(e);
      case SERVICE_DELIVERED -> serviceDelivered(e);
      case INTERNSHIP_STARTED -> internshipStarted(e);
      case INTERNSHIP_EXTENDED -> internshipExtended(e);
      case ATTENDANCE_RECORDED -> attendanceRecorded(e);
      case INTERNSHIP_COMPLETED -> internshipCompleted(e);
      default -> Outcome.APPLIED; // other events of the topic are not this service's concern
    };
  }

  /**
   * The plan was approved: an assigned dote becomes active and its budget is committed ({@code
   * dote.activated}), then what was parked is applied. An approval that reaches a closed dote emits
   * {@code dote.activation-refused}; one that reaches a running dote changes nothing.
   */
  private Outcome planApproved(IncomingEvent e) {
    Dote d = dote(e);
    UUID plan = e.uuid("planId");
    if (d.state != Dote.State.ASSIGNED) {
      d.refuseActivation(plan, today())
          .ifPresentOrElse(
              refused -> {
                LOG.infof("Plan %s approved for dote %s in state %s", plan, d.id, d.state);
                outbox.append(DoteEvent.TOPIC, refused);
              },
              () -> LOG.debugf("Plan %s approved again for running dote %s", plan, d.id));
      return Outcome.APPLIED;
    }
    var activated = d.activate(plan, today(), programme(d));
    ledger.open(
        d.id,
        activated.allowanceCents(),
        activated.hostContributionCents(),
        activated.promoterServicesCents());
    outbox.append(DoteEvent.TOPIC, activated);
    audit.record(DoteService.AUDIT, d.id, "activated", "plan " + plan, SYSTEM);
    replayParked(d);
    return Outcome.APPLIED;
  }

  private Outcome internshipStarted(IncomingEvent e) {
    Dote d = dote(e);
    d.internshipStarted(e.uuid("internshipId"), date(e, "startDate"), date(e, "plannedEndDate"));
    replayParked(d);
    return Outcome.APPLIED;
  }

  private Outcome internshipExtended(IncomingEvent e) {
    Dote d = dote(e);
    d.internshipExtended(date(e, "plannedEndDate"));
    return Outcome.APPLIED;
  }

  /**
   * A month of attendance confirmed: at or above the programme's threshold the month's allowance is
   * authorised (in proportion to the working days covered, for a part month); below it a
   * non-payable entry keeps the reason. A later revision of a refused month settles it again, once.
   */
  private Outcome attendanceRecorded(IncomingEvent e) {
    Dote d = dote(e);
    String month = e.text("month");
    YearMonth ym;
    try {
      ym = YearMonth.parse(month);
    } catch (DateTimeParseException x) {
      throw new PoisonEventException("event " + e.id() + " has an invalid month", x);
    }
    int planned = e.nonNegativeInt("plannedHours");
    int attended = e.nonNegativeInt("attendedHours");
    int revision = e.data().hasNonNull("revision") ? e.nonNegativeInt("revision") : 1;
    Account account = account(d);
    if (d.state == Dote.State.ASSIGNED) {
      return park(d, e, "the dote is not active yet");
    }
    if (!d.running()) {
      ledger.refuse(account, BudgetLine.Kind.PARTICIPANT_ALLOWANCE, month, closed(d), e.id());
      return Outcome.APPLIED;
    }
    if (!d.internshipKnown()) {
      return park(d, e, "the internship's start is not known yet");
    }
    if (!d.inInternship(ym)) {
      ledger.refuse(
          account,
          BudgetLine.Kind.PARTICIPANT_ALLOWANCE,
          month,
          "month " + month + " is outside the internship",
          e.id());
      return Outcome.APPLIED;
    }
    Programme p = programme(d);
    long cents = 0;
    if (p.attendanceMet(planned, attended)) {
      int monthDays =
          e.data().hasNonNull("monthWorkingDays") ? e.nonNegativeInt("monthWorkingDays") : 0;
      int covered =
          e.data().hasNonNull("coveredWorkingDays")
              ? e.nonNegativeInt("coveredWorkingDays")
              : monthDays;
      cents = p.allowanceFor(covered, monthDays);
    }
    ledger.settleMonth(
        account,
        month,
        revision,
        cents,
        String.format(
            Locale.ROOT,
            "attendance %dh of %dh planned is below the %d%% threshold",
            attended,
            planned,
            p.attendanceThresholdPercent),
        e.id());
    completeIfSettled(d);
    return Outcome.APPLIED;
  }

  /** A validated service delivery pays the promoter line, up to what is left, once. */
  private Outcome serviceDelivered(IncomingEvent e) {
    Dote d = dote(e);
    String delivery = e.text("deliveryId");
    long cents = e.nonNegativeLong("amountCents");
    if (d.state == Dote.State.ASSIGNED) {
      return park(d, e, "the dote is not active yet");
    }
    if (!d.running()) {
      ledger.refuse(account(d), BudgetLine.Kind.PROMOTER_SERVICES, delivery, closed(d), e.id());
      return Outcome.APPLIED;
    }
    ledger.payService(account(d), delivery, cents, e.id());
    return Outcome.APPLIED;
  }

  /**
   * The internship ended: the host contribution is settled by the programme's rule (all of it for a
   * completed internship; after an interruption nothing, or in proportion to the months done), and
   * the dote completes once the internship's months are settled.
   */
  private Outcome internshipCompleted(IncomingEvent e) {
    Dote d = dote(e);
    LocalDate ended = date(e, "completedOn");
    String outcome = e.optionalText("outcome");
    Dote.InternshipOutcome how =
        "INTERRUPTED".equals(outcome)
            ? Dote.InternshipOutcome.INTERRUPTED
            : Dote.InternshipOutcome.COMPLETED;
    if (d.state == Dote.State.ASSIGNED) {
      return park(d, e, "the dote is not active yet");
    }
    if (!d.running()) {
      ledger.refuse(account(d), BudgetLine.Kind.HOST_CONTRIBUTION, "completion", closed(d), e.id());
      return Outcome.APPLIED;
    }
    if (!d.internshipKnown() && e.data().hasNonNull("startDate")) {
      d.internshipStarted(e.uuid("internshipId"), date(e, "startDate"), ended);
    }
    d.internshipEnded(ended, how);
    Programme p = programme(d);
    long host =
        p.hostContributionFor(
            how == Dote.InternshipOutcome.COMPLETED,
            d.wholeMonthsDone(),
            d.internshipMonths + d.extensionMonths);
    ledger.settleHostContribution(
        account(d),
        host,
        "internship interrupted ("
            + (e.optionalText("interruptionReason") == null
                ? "no reason given"
                : e.optionalText("interruptionReason"))
            + "): programme "
            + p.code
            + " pays "
            + p.hostContributionOnInterruption
            + " of the host contribution",
        e.id());
    replayParked(d); // months parked while the internship's start was not known
    completeIfSettled(d);
    return Outcome.APPLIED;
  }

  /** The internship ended and every one of its months is settled: {@code dote.completed}. */
  private void completeIfSettled(Dote d) {
    if (d.running()
        && d.internshipEndedOn != null
        && ledger.settled(
            d.id, BudgetLine.Kind.PARTICIPANT_ALLOWANCE, d.internshipMonthsToSettle())) {
      outbox.append(DoteEvent.TOPIC, d.complete(today()));
      audit.record(DoteService.AUDIT, d.id, "completed", d.internshipOutcome.name(), SYSTEM);
      refuseParked(d);
    }
  }

  private Outcome park(Dote d, IncomingEvent e, String why) {
    if (ParkedEvent.findById(e.id()) == null) {
      ParkedEvent.of(d.id, e, why, clock.instant()).persist();
      LOG.infof("Parked %s %s for dote %s: %s", e.type(), e.id(), d.id, why);
    }
    return Outcome.PARKED;
  }

  /**
   * Applies, in arrival order, what was parked for the dote; what still cannot be applied is parked
   * again. Not reentrant: an event applied here that would replay (a parked completion) leaves the
   * rest of the list to this loop.
   */
  private void replayParked(Dote d) {
    if (REPLAYING.get() != null) {
      return;
    }
    REPLAYING.set(d.id);
    try {
      List<ParkedEvent> parked = ParkedEvent.list("doteId = ?1 order by parkedAt, eventId", d.id);
      for (ParkedEvent p : parked) {
        IncomingEvent e = unpark(p);
        p.delete();
        ParkedEvent.flush(); // gone before it may be parked again under the same event id
        apply(e);
      }
    } finally {
      REPLAYING.remove();
    }
  }

  /** A dote closed: what is still parked will never pay; it is kept with the reason. */
  void refuseParked(Dote d) {
    List<ParkedEvent> parked = ParkedEvent.list("doteId = ?1 order by parkedAt, eventId", d.id);
    for (ParkedEvent p : parked) {
      IncomingEvent e = unpark(p);
      BudgetLine.Kind kind =
          switch (p.type) {
            case SERVICE_DELIVERED -> BudgetLine.Kind.PROMOTER_SERVICES;
            case INTERNSHIP_COMPLETED -> BudgetLine.Kind.HOST_CONTRIBUTION;
            default -> BudgetLine.Kind.PARTICIPANT_ALLOWANCE;
          };
      String period =
          switch (kind) {
            case PROMOTER_SERVICES -> e.text("deliveryId");
            case HOST_CONTRIBUTION -> "completion";
            default -> e.text("month");
          };
      ledger.refuse(account(d), kind, period, closed(d), p.eventId);
      p.delete();
    }
  }

  private IncomingEvent unpark(ParkedEvent p) {
    try {
      return new IncomingEvent(
          p.eventId,
          p.type,
          null,
          p.doteId.toString(),
          p.eventTime,
          null,
          -1,
          -1,
          p.doteId.toString(),
          mapper.readTree(p.payload));
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("parked event " + p.eventId + " is not JSON", x);
    }
  }

  private static String closed(Dote d) {
    return "the dote is " + d.state + " since " + d.closedOn + ": nothing more is paid";
  }

  private Dote dote(IncomingEvent e) {
    UUID id = e.uuid("doteId");
    return dotes
        .findForUpdate(id)
        .orElseThrow(
            () ->
                new PoisonEventException(
                    "event " + e.id() + " (" + e.type() + ") for unknown dote " + id));
  }

  private static Account account(Dote d) {
    return new Account(d.id, d.promoterOrgId, d.provinceCode);
  }

  private Programme programme(Dote d) {
    return programmes.findById(d.programmeCode);
  }

  private static LocalDate date(IncomingEvent e, String field) {
    try {
      return LocalDate.parse(e.text(field));
    } catch (DateTimeParseException x) {
      throw new PoisonEventException("event " + e.id() + " has an invalid " + field, x);
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
