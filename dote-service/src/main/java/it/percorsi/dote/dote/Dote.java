package it.percorsi.dote.dote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.dote.DoteProblems;
import it.percorsi.dote.events.DoteActivated;
import it.percorsi.dote.events.DoteActivationRefused;
import it.percorsi.dote.events.DoteAssigned;
import it.percorsi.dote.events.DoteCompleted;
import it.percorsi.dote.events.DoteExpired;
import it.percorsi.dote.events.DoteExtended;
import it.percorsi.dote.events.DoteExtensionRefused;
import it.percorsi.dote.events.DoteExtensionRequested;
import it.percorsi.dote.events.DoteRevoked;
import it.percorsi.dote.programme.Programme;
import it.percorsi.platform.http.Preconditions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A dote: a participant's endowment under a programme. Lifecycle {@code ASSIGNED → ACTIVE (→
 * EXTENDED) → COMPLETED}; a reservation whose plan is not approved by the start deadline is {@code
 * EXPIRED}; the agency may {@code REVOKE} a live dote. Each change is a method named for the intent
 * that enforces the rule and returns the event it causes; an impossible one is refused with {@link
 * DoteProblems#invalidTransition}.
 */
@Entity
@Table(name = "dote")
public class Dote extends PanacheEntityBase {

  /** States of a dote. */
  public enum State {
    ASSIGNED,
    ACTIVE,
    EXTENDED,
    COMPLETED,
    REVOKED,
    EXPIRED;

    /** States that hold a quota place and block another live dote of the person. */
    public static final Set<State> LIVE = EnumSet.of(ASSIGNED, ACTIVE, EXTENDED);

    /** States in which money may be paid. */
    public static final Set<State> RUNNING = EnumSet.of(ACTIVE, EXTENDED);
  }

  /** Why the agency revokes a dote (the code goes on the bus; any free text stays here). */
  public enum RevocationReason {
    PARTICIPANT_WITHDREW,
    NO_LONGER_ELIGIBLE,
    DOUBLE_FUNDING,
    IRREGULARITY,
    ADMINISTRATIVE_ERROR,
    OTHER
  }

  /** Why the agency refuses an extension. */
  public enum ExtensionRefusal {
    NOT_JUSTIFIED,
    BUDGET_UNAVAILABLE,
    OUT_OF_TIME,
    OTHER
  }

  /** How an internship ended, as placement-service tells it. */
  public enum InternshipOutcome {
    COMPLETED,
    INTERRUPTED
  }

  @Id public UUID id;

  @Column(name = "programme_code", nullable = false)
  public String programmeCode;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "promoter_org_id", nullable = false)
  public String promoterOrgId;

  @Column(name = "region_code", nullable = false, length = 2, columnDefinition = "bpchar")
  public String regionCode;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(name = "planned_internship_start", nullable = false)
  public LocalDate plannedInternshipStart;

  @Column(name = "assigned_on", nullable = false)
  public LocalDate assignedOn;

  @Column(name = "start_deadline", nullable = false)
  public LocalDate startDeadline;

  @Column(name = "internship_months", nullable = false)
  public int internshipMonths;

  @Column(name = "extension_months", nullable = false)
  public int extensionMonths;

  @Column(name = "extension_requested_months")
  public Integer extensionRequestedMonths;

  @Column(name = "extension_requested_on")
  public LocalDate extensionRequestedOn;

  @Column(name = "plan_id")
  public UUID planId;

  @Column(name = "activated_on")
  public LocalDate activatedOn;

  @Column(name = "internship_id")
  public UUID internshipId;

  @Column(name = "internship_start")
  public LocalDate internshipStart;

  @Column(name = "internship_planned_end")
  public LocalDate internshipPlannedEnd;

  @Column(name = "internship_ended_on")
  public LocalDate internshipEndedOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "internship_outcome")
  public InternshipOutcome internshipOutcome;

  @Column(name = "closed_on")
  public LocalDate closedOn;

  @Column(name = "close_reason_code")
  public String closeReasonCode;

  /** Free text of a revocation: kept on the record, never on the bus. */
  @Column(name = "close_reason")
  public String closeReason;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Version public long version;

  protected Dote() {}

  /** A new dote and the event of its assignment. */
  public record Assignment(Dote dote, DoteAssigned event) {}

  /**
   * Assigns a dote (the clearance, "nulla osta"): the internship must start by the programme's
   * start deadline. The quota place and the promoter's place are taken by the caller in the same
   * transaction.
   *
   * @return the new dote and {@code dote.assigned}, which carries the dote's terms
   */
  public static Assignment assign(
      Programme programme,
      UUID participantId,
      String promoterOrgId,
      String regionCode,
      String provinceCode,
      LocalDate plannedStart,
      LocalDate today,
      Instant now) {
    programme.requirePlannedStart(plannedStart, today);
    Dote d = new Dote();
    d.id = UUID.randomUUID();
    d.programmeCode = programme.code;
    d.participantId = participantId;
    d.promoterOrgId = promoterOrgId;
    d.regionCode = regionCode;
    d.provinceCode = provinceCode;
    d.state = State.ASSIGNED;
    d.plannedInternshipStart = plannedStart;
    d.assignedOn = today;
    d.startDeadline = programme.startDeadline(today);
    d.internshipMonths = programme.internshipMonths;
    d.extensionMonths = 0;
    d.createdAt = now;
    return new Assignment(
        d,
        new DoteAssigned(
            d.id,
            d.programmeCode,
            participantId,
            promoterOrgId,
            regionCode,
            provinceCode,
            today,
            plannedStart,
            d.startDeadline,
            programme.internshipMonths,
            programme.maxExtensionMonths,
            programme.monthlyAllowanceCents,
            programme.attendanceThresholdPercent,
            programme.hostContributionCents,
            programme.promoterServicesCents));
  }

  /**
   * The plan was approved: the dote becomes active and its budget is committed ({@code
   * dote.activated} carries the three lines).
   */
  public DoteActivated activate(UUID plan, LocalDate today, Programme p) {
    require(State.ASSIGNED, "activate");
    state = State.ACTIVE;
    planId = plan;
    activatedOn = today;
    return new DoteActivated(
        id,
        plan,
        today,
        p.allowanceForMonths(internshipMonths),
        p.hostContributionCents,
        p.promoterServicesCents);
  }

  /**
   * An approval that reaches a dote already closed (expired, revoked, completed) cannot activate
   * it: {@code dote.activation-refused}, so that plan-service marks the plan. An approval of a
   * running dote (a redelivery, or an amended plan) changes nothing.
   */
  public Optional<DoteActivationRefused> refuseActivation(UUID plan, LocalDate today) {
    if (State.LIVE.contains(state)) {
      return Optional.empty();
    }
    return Optional.of(new DoteActivationRefused(id, plan, state.name(), today));
  }

  /**
   * The promoter asks for an extension ("dote plus") of {@code months}; the agency decides.
   *
   * @return {@code dote.extension-requested}
   */
  public DoteExtensionRequested requestExtension(int months, Programme p, LocalDate today) {
    requireRunning("request an extension of the dote");
    if (extensionRequestedMonths != null) {
      throw DoteProblems.extensionPending(extensionRequestedMonths);
    }
    requireWithinExtensionLimit(months, p);
    extensionRequestedMonths = months;
    extensionRequestedOn = today;
    return new DoteExtensionRequested(id, months, today);
  }

  /**
   * The agency approves the requested extension: the internship may run that much longer and the
   * allowance line grows by as many months ({@code dote.extended}).
   */
  public DoteExtended approveExtension(Programme p) {
    requireRunning("extend the dote");
    if (extensionRequestedMonths == null) {
      throw DoteProblems.noExtensionRequested();
    }
    int months = extensionRequestedMonths;
    requireWithinExtensionLimit(months, p);
    extensionMonths += months;
    extensionRequestedMonths = null;
    extensionRequestedOn = null;
    state = State.EXTENDED;
    return new DoteExtended(id, months, extensionMonths, p.allowanceForMonths(months));
  }

  /** The agency refuses the requested extension: {@code dote.extension-refused}. */
  public DoteExtensionRefused refuseExtension(ExtensionRefusal reason, LocalDate today) {
    if (extensionRequestedMonths == null) {
      throw DoteProblems.noExtensionRequested();
    }
    int months = extensionRequestedMonths;
    extensionRequestedMonths = null;
    extensionRequestedOn = null;
    return new DoteExtensionRefused(id, months, reason.name(), today);
  }

  private void requireWithinExtensionLimit(int months, Programme p) {
    if (months <= 0 || extensionMonths + months > p.maxExtensionMonths) {
      throw DoteProblems.extensionNotAllowed(p.code, p.maxExtensionMonths, extensionMonths);
    }
  }

  /**
   * The agency revokes a live dote; nothing more is paid from it. The event carries the reason
   * code; the free text stays on the record.
   */
  public DoteRevoked revoke(RevocationReason code, String text, LocalDate today) {
    if (!State.LIVE.contains(state)) {
      throw DoteProblems.invalidTransition("revoke the dote", state);
    }
    state = State.REVOKED;
    closedOn = today;
    closeReasonCode = code.name();
    closeReason = text;
    return new DoteRevoked(id, code.name(), code.name(), today);
  }

  /**
   * The plan was not approved by the start deadline: {@code dote.expired}; the caller returns the
   * place to the quota.
   */
  public DoteExpired expire(LocalDate today) {
    require(State.ASSIGNED, "expire the dote");
    if (!today.isAfter(startDeadline)) {
      throw DoteProblems.invalidTransition("expire the dote before " + startDeadline, state);
    }
    state = State.EXPIRED;
    closedOn = today;
    closeReasonCode = "NOT_STARTED_IN_TIME";
    closeReason = null;
    return new DoteExpired(id, programmeCode, regionCode, today);
  }

  /** Whether money may be paid from the dote now. */
  public boolean running() {
    return State.RUNNING.contains(state);
  }

  /** The internship of the dote started (or a new one replaced an interrupted one). */
  public void internshipStarted(UUID internship, LocalDate start, LocalDate plannedEnd) {
    internshipId = internship;
    internshipStart = start;
    internshipPlannedEnd = plannedEnd;
    internshipEndedOn = null;
    internshipOutcome = null;
  }

  /** The internship was lengthened (after an extension). */
  public void internshipExtended(LocalDate plannedEnd) {
    internshipPlannedEnd = plannedEnd;
  }

  /** Whether the internship's period is known, so that its months can be paid. */
  public boolean internshipKnown() {
    return internshipStart != null;
  }

  /** Whether {@code month} lies (at least in part) inside the internship. */
  public boolean inInternship(YearMonth month) {
    LocalDate end = internshipEndedOn != null ? internshipEndedOn : internshipPlannedEnd;
    return internshipKnown()
        && !month.isBefore(YearMonth.from(internshipStart))
        && (end == null || !month.isAfter(YearMonth.from(end)));
  }

  /** The internship ended on {@code day}: completed, or interrupted early. */
  public void internshipEnded(LocalDate day, InternshipOutcome outcome) {
    if (!running()) {
      throw DoteProblems.invalidTransition("end the internship of the dote", state);
    }
    internshipEndedOn = day;
    internshipOutcome = outcome;
  }

  /** Whole months of internship done by its end. */
  public int wholeMonthsDone() {
    if (internshipStart == null || internshipEndedOn == null) {
      return 0;
    }
    return (int) ChronoUnit.MONTHS.between(internshipStart, internshipEndedOn.plusDays(1));
  }

  /** The months of the internship, first to last, once it has ended; else empty. */
  public List<String> internshipMonthsToSettle() {
    List<String> months = new ArrayList<>();
    if (internshipStart == null || internshipEndedOn == null) {
      return months;
    }
    for (YearMonth m = YearMonth.from(internshipStart);
        !m.isAfter(YearMonth.from(internshipEndedOn));
        m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }

  /**
   * The internship ended and all its months are settled: the dote completes and nothing more is
   * paid from it ({@code dote.completed}).
   */
  public DoteCompleted complete(LocalDate today) {
    requireRunning("complete the dote");
    if (internshipEndedOn == null) {
      throw DoteProblems.invalidTransition("complete the dote before its internship ends", state);
    }
    state = State.COMPLETED;
    closedOn = today;
    closeReasonCode = "INTERNSHIP_" + internshipOutcome.name();
    return new DoteCompleted(id, today, internshipOutcome.name());
  }

  private void require(State expected, String action) {
    if (state != expected) {
      throw DoteProblems.invalidTransition(action, state);
    }
  }

  private void requireRunning(String action) {
    if (!running()) {
      throw DoteProblems.invalidTransition(action, state);
    }
  }

  public String etag() {
    return Preconditions.etag(version);
  }
}
