package it.percorsi.dote.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.dote.DoteProblems;
import it.percorsi.dote.events.ProgrammePublished;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A programme (an edition's call): its rules are data. Defined as a draft by the agency; once
 * published its rules never change — a new edition is a new programme. The rules that decide money
 * (the attendance threshold, the allowance of a part month, the host contribution after an
 * interruption) are methods here, not arithmetic scattered in the ledger.
 */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

  /** Lifecycle of a programme record. */
  public enum State {
    DRAFT,
    PUBLISHED
  }

  /** What the host receives when the internship is interrupted before its end. */
  public enum HostContributionOnInterruption {
    /** Nothing: the contribution is for a completed internship. */
    NONE,
    /** In proportion to the whole months completed out of the internship's months. */
    PRO_RATA
  }

  @Id public String code;

  @Column(nullable = false)
  public String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(nullable = false)
  public boolean example;

  @Column(name = "application_opens", nullable = false)
  public LocalDate applicationOpens;

  @Column(name = "application_closes", nullable = false)
  public LocalDate applicationCloses;

  @Column(name = "min_age", nullable = false)
  public int minAge;

  @Column(name = "max_age_exclusive", nullable = false)
  public int maxAgeExclusive;

  @Column(name = "requires_unaccompanied_minor", nullable = false)
  public boolean requiresUnaccompaniedMinor;

  @Column(name = "requires_unemployed", nullable = false)
  public boolean requiresUnemployed;

  @Column(name = "requires_valid_permit", nullable = false)
  public boolean requiresValidPermit;

  @Column(name = "requires_did_and_agreement", nullable = false)
  public boolean requiresDidAndAgreement;

  @Column(name = "requires_consent", nullable = false)
  public boolean requiresConsent;

  @Column(name = "internship_months", nullable = false)
  public int internshipMonths;

  @Column(name = "max_extension_months", nullable = false)
  public int maxExtensionMonths;

  @Column(name = "monthly_allowance_cents", nullable = false)
  public long monthlyAllowanceCents;

  @Column(name = "attendance_threshold_percent", nullable = false)
  public int attendanceThresholdPercent;

  @Column(name = "host_contribution_cents", nullable = false)
  public long hostContributionCents;

  @Enumerated(EnumType.STRING)
  @Column(name = "host_contribution_on_interruption", nullable = false)
  public HostContributionOnInterruption hostContributionOnInterruption;

  @Column(name = "promoter_services_cents", nullable = false)
  public long promoterServicesCents;

  @Column(name = "total_dotes", nullable = false)
  public int totalDotes;

  @Column(name = "promoter_cap")
  public Integer promoterCap;

  @Column(name = "clearance_to_start_days", nullable = false)
  public int clearanceToStartDays;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Version public long version;

  protected Programme() {}

  /** A new draft and the places of each region. */
  public record Definition(Programme programme, List<RegionalQuota> quotas) {}

  /**
   * Defines a draft from the agency's request: the window must be ordered, the age bounds too, and
   * the regional places must name each region once and add up to the total.
   *
   * @throws ProblemException a validation problem naming every inconsistent field
   */
  public static Definition define(ProgrammeRequest r) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (r.applicationCloses().isBefore(r.applicationOpens())) {
      errors.add(new Problem.FieldError("applicationCloses", "is before applicationOpens"));
    }
    if (r.criteria().maxAgeExclusive() <= r.criteria().minAge()) {
      errors.add(new Problem.FieldError("criteria.maxAgeExclusive", "must exceed minAge"));
    }
    Set<String> regions = new HashSet<>();
    long sum = 0; // long: places summing past 2^31 must not wrap around to the total
    for (ProgrammeRequest.Quota q : r.quotas()) {
      if (!regions.add(q.regionCode())) {
        errors.add(new Problem.FieldError("quotas", "region " + q.regionCode() + " appears twice"));
      }
      sum += q.places();
    }
    if (sum != r.totalDotes()) {
      errors.add(
          new Problem.FieldError(
              "quotas", "regional places add up to " + sum + ", not totalDotes " + r.totalDotes()));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
    Programme p = new Programme();
    p.code = r.code();
    p.title = r.title().strip();
    p.state = State.DRAFT;
    p.example = false;
    p.applicationOpens = r.applicationOpens();
    p.applicationCloses = r.applicationCloses();
    p.minAge = r.criteria().minAge();
    p.maxAgeExclusive = r.criteria().maxAgeExclusive();
    p.requiresUnaccompaniedMinor = r.criteria().enteredAsUnaccompaniedMinor();
    p.requiresUnemployed = r.criteria().unemployed();
    p.requiresValidPermit = r.criteria().validPermit();
    p.requiresDidAndAgreement = r.criteria().didAndServiceAgreement();
    p.requiresConsent = r.criteria().consent();
    p.internshipMonths = r.internshipMonths();
    p.maxExtensionMonths = r.maxExtensionMonths();
    p.monthlyAllowanceCents = r.monthlyAllowanceCents();
    p.attendanceThresholdPercent = r.attendanceThresholdPercent();
    p.hostContributionCents = r.hostContributionCents();
    p.hostContributionOnInterruption =
        r.hostContributionOnInterruption() == null
            ? HostContributionOnInterruption.NONE
            : r.hostContributionOnInterruption();
    p.promoterServicesCents = r.promoterServicesCents();
    p.totalDotes = r.totalDotes();
    p.promoterCap = r.promoterCap();
    p.clearanceToStartDays = r.clearanceToStartDays();
    List<RegionalQuota> quotas =
        r.quotas().stream().map(q -> RegionalQuota.of(p.code, q.regionCode(), q.places())).toList();
    return new Definition(p, quotas);
  }

  /** Whether applications are accepted on {@code date}. */
  public boolean openOn(LocalDate date) {
    return state == State.PUBLISHED
        && !date.isBefore(applicationOpens)
        && !date.isAfter(applicationCloses);
  }

  /**
   * Applications are accepted today.
   *
   * @throws ProblemException {@code programme-closed} otherwise
   */
  public void requireOpen(LocalDate today) {
    if (!openOn(today)) {
      throw DoteProblems.programmeClosed(code, applicationOpens, applicationCloses);
    }
  }

  /** The last day an internship of a dote cleared on {@code today} may start. */
  public LocalDate startDeadline(LocalDate today) {
    return today.plusDays(clearanceToStartDays);
  }

  /**
   * The planned internship start is neither in the past nor after the start deadline of a dote
   * cleared today; a far-off date would make ages be checked on a day that will never come.
   *
   * @throws ProblemException a field error on {@code plannedInternshipStart}
   */
  public void requirePlannedStart(LocalDate plannedStart, LocalDate today) {
    if (plannedStart.isBefore(today) || plannedStart.isAfter(startDeadline(today))) {
      throw DoteProblems.plannedStartOutOfRange(today, startDeadline(today));
    }
  }

  /** Whether a month with these hours earns its allowance (the attendance threshold). */
  public boolean attendanceMet(int plannedHours, int attendedHours) {
    return plannedHours > 0
        && attendedHours * 100L >= (long) attendanceThresholdPercent * plannedHours;
  }

  /**
   * The allowance of a month of which the internship covered {@code coveredWorkingDays} of {@code
   * monthWorkingDays}: the whole allowance for a whole month, in proportion (rounded to the cent,
   * half up) for the first and last.
   */
  public long allowanceFor(int coveredWorkingDays, int monthWorkingDays) {
    if (monthWorkingDays <= 0 || coveredWorkingDays >= monthWorkingDays) {
      return monthlyAllowanceCents;
    }
    return (monthlyAllowanceCents * coveredWorkingDays * 2 + monthWorkingDays)
        / (2L * monthWorkingDays);
  }

  /** The allowance committed for {@code months} whole months. */
  public long allowanceForMonths(int months) {
    return monthlyAllowanceCents * months;
  }

  /**
   * The host contribution due when the internship ends: all of it for a completed internship; after
   * an interruption what {@link #hostContributionOnInterruption} says, never more than the whole.
   */
  public long hostContributionFor(boolean completed, int wholeMonthsDone, int internshipMonths) {
    if (completed) {
      return hostContributionCents;
    }
    if (hostContributionOnInterruption == HostContributionOnInterruption.NONE
        || internshipMonths <= 0) {
      return 0;
    }
    int months = Math.min(Math.max(wholeMonthsDone, 0), internshipMonths);
    return hostContributionCents * months / internshipMonths;
  }

  /**
   * Publishes the programme; its rules are frozen from now on.
   *
   * @return {@code programme.published}
   */
  public ProgrammePublished publish(Instant now) {
    if (state == State.PUBLISHED) {
      throw DoteProblems.invalidTransition("publish programme " + code, state);
    }
    state = State.PUBLISHED;
    publishedAt = now;
    return new ProgrammePublished(
        code,
        applicationOpens,
        applicationCloses,
        totalDotes,
        internshipMonths,
        maxExtensionMonths,
        monthlyAllowanceCents,
        attendanceThresholdPercent,
        hostContributionCents,
        hostContributionOnInterruption.name(),
        promoterServicesCents,
        clearanceToStartDays);
  }
}
