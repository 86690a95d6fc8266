package it.percorsi.placement.internship;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.placement.PlacementProblems;
import it.percorsi.placement.attendance.AttendanceMonth;
import it.percorsi.placement.attendance.MonthPlan;
import it.percorsi.placement.attendance.Party;
import it.percorsi.placement.employer.Employer;
import it.percorsi.placement.events.AttendanceRecorded;
import it.percorsi.placement.events.InternshipCompleted;
import it.percorsi.placement.events.InternshipExtended;
import it.percorsi.placement.events.InternshipStarted;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.projection.dote.DoteProjection;
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
import java.util.Optional;
import java.util.UUID;

/**
 * An extracurricular internship of a dote's participant at a host. Changed only through the methods
 * below, each of which enforces its rule and returns the event it causes.
 */
@Entity
@Table(name = "internship")
public class Internship extends PanacheEntityBase {

  /** Attendance threshold when the dote's terms do not name one (the programmes' 70 %). */
  static final int DEFAULT_THRESHOLD_PERCENT = 70;

  @Id public UUID id;

  @Column(name = "dote_id", nullable = false)
  public UUID doteId;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "promoter_org_id", nullable = false, length = 100)
  public String promoterOrgId;

  @Column(name = "programme_code", nullable = false, length = 60)
  public String programmeCode;

  @Column(name = "region_code", nullable = false, length = 2, columnDefinition = "bpchar")
  public String regionCode;

  /** The dote's province: the territory whose CPI sees the case. */
  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Column(name = "employer_id", nullable = false)
  public UUID employerId;

  /** The host's organisation when the internship started, whose host users see it. */
  @Column(name = "host_org_id", length = 100)
  public String hostOrgId;

  @Column(name = "site_municipality", nullable = false, length = 6, columnDefinition = "bpchar")
  public String siteMunicipality;

  @Column(name = "start_date", nullable = false)
  public LocalDate startDate;

  @Column(name = "planned_end_date", nullable = false)
  public LocalDate plannedEndDate;

  @Column(name = "weekly_hours", nullable = false)
  public int weeklyHours;

  @Column(name = "internship_months", nullable = false)
  public int internshipMonths;

  @Column(name = "extension_months", nullable = false)
  public int extensionMonths;

  @Column(name = "attendance_threshold_percent", nullable = false)
  public int attendanceThresholdPercent;

  @Column(name = "company_tutor", nullable = false, length = 200)
  public String companyTutor;

  @Column(name = "promoter_tutor", nullable = false, length = 200)
  public String promoterTutor;

  @Column(nullable = false, length = 2000)
  public String tasks;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public InternshipState state;

  /** The last day of an internship that ended (planned end, or the day of the interruption). */
  @Column(name = "ended_on")
  public LocalDate endedOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "interruption_reason", length = 30)
  public InterruptionReason interruptionReason;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  /** The code of the UNILAV notice that confirmed the start, once one did. */
  @Column(name = "start_notice_code", length = 40)
  public String startNoticeCode;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Internship() {}

  /** A started internship and its {@code internship-started}. */
  public record Started(Internship internship, InternshipStarted event) {}

  /**
   * Starts an internship for {@code dote} at {@code employer}. The planned end is the start plus
   * the dote's internship months, minus a day.
   *
   * @param runningAtEmployer internships running at the employer now
   * @param runningOfParticipant the participant's running internship, if any
   * @throws it.percorsi.platform.problem.ProblemException when the dote is not active, the start is
   *     before its activation or after its deadline, the participant already has a running
   *     internship, or the host is at its limit of concurrent interns
   */
  public static Started start(
      StartInternship r,
      DoteProjection dote,
      Employer employer,
      long runningAtEmployer,
      Optional<UUID> runningOfParticipant,
      Instant now) {
    if (!dote.running()) {
      throw PlacementProblems.doteNotActive(dote.state);
    }
    if (dote.internshipMonths == null) {
      throw PlacementProblems.doteTermsUnknown();
    }
    if (dote.activatedOn != null && r.startDate().isBefore(dote.activatedOn)) {
      throw PlacementProblems.startBeforeActivation(dote.activatedOn);
    }
    if (r.startDate().isAfter(dote.startDeadline)) {
      throw PlacementProblems.startAfterDeadline(dote.startDeadline);
    }
    runningOfParticipant.ifPresent(
        id -> {
          throw PlacementProblems.internshipRunning(id);
        });
    int limit = employer.concurrentInternLimit();
    if (runningAtEmployer >= limit) {
      throw PlacementProblems.hostLimitReached(limit, employer.employees);
    }
    Internship i = new Internship();
    i.id = UUID.randomUUID();
    i.doteId = dote.doteId;
    i.participantId = dote.participantId;
    i.promoterOrgId = dote.promoterOrgId;
    i.programmeCode = dote.programmeCode;
    i.regionCode = dote.regionCode;
    i.provinceCode = dote.provinceCode;
    i.employerId = employer.id;
    i.hostOrgId = employer.hostOrgId;
    i.siteMunicipality =
        r.siteMunicipality() == null ? employer.siteMunicipality : r.siteMunicipality();
    i.startDate = r.startDate();
    i.weeklyHours = r.weeklyHours();
    i.internshipMonths = dote.internshipMonths;
    i.extensionMonths = dote.extensionMonths;
    i.plannedEndDate = i.plannedEnd();
    i.attendanceThresholdPercent =
        dote.attendanceThresholdPercent == null
            ? DEFAULT_THRESHOLD_PERCENT
            : dote.attendanceThresholdPercent;
    i.companyTutor = r.companyTutor();
    i.promoterTutor = r.promoterTutor();
    i.tasks = r.tasks();
    i.state = InternshipState.STARTED;
    i.startedAt = now.truncatedTo(ChronoUnit.MICROS);
    i.updatedAt = i.startedAt;
    return new Started(
        i,
        new InternshipStarted(
            i.id,
            i.doteId,
            i.participantId,
            i.employerId,
            i.promoterOrgId,
            i.provinceCode,
            i.startDate,
            i.plannedEndDate,
            i.weeklyHours));
  }

  /**
   * The dote was extended to {@code totalExtensionMonths}: a running internship ends that much
   * later. Nothing changes when the internship has ended or already has those months (a repeated
   * event).
   */
  public Optional<InternshipExtended> extendTo(int totalExtensionMonths, Instant now) {
    if (state != InternshipState.STARTED || totalExtensionMonths <= extensionMonths) {
      return Optional.empty();
    }
    int added = totalExtensionMonths - extensionMonths;
    extensionMonths = totalExtensionMonths;
    plannedEndDate = plannedEnd();
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    return Optional.of(new InternshipExtended(id, doteId, added, plannedEndDate));
  }

  /**
   * Completes the internship at its planned end, once that day has come.
   *
   * @throws it.percorsi.platform.problem.ProblemException when it is not running or the planned end
   *     is still ahead
   */
  public InternshipCompleted complete(LocalDate today, Instant now) {
    requireRunning();
    if (today.isBefore(plannedEndDate)) {
      throw PlacementProblems.notEnded(plannedEndDate);
    }
    return end(InternshipState.COMPLETED, plannedEndDate, null, now);
  }

  /**
   * Ends the internship early, on {@code lastDay}, for {@code reason}.
   *
   * @throws it.percorsi.platform.problem.ProblemException when it is not running, or the last day
   *     is before the start, in the future, or after the planned end
   */
  public InternshipCompleted interrupt(
      InterruptionReason reason, LocalDate lastDay, LocalDate today, Instant now) {
    requireRunning();
    if (lastDay.isBefore(startDate)) {
      throw PlacementProblems.lastDayBeforeStart(startDate);
    }
    if (lastDay.isAfter(today)) {
      throw PlacementProblems.lastDayInTheFuture();
    }
    if (!lastDay.isBefore(plannedEndDate)) {
      throw PlacementProblems.lastDayNotBeforePlannedEnd(plannedEndDate);
    }
    return end(InternshipState.INTERRUPTED, lastDay, reason, now);
  }

  /**
   * The calendar's plan of {@code month}, once the part of it inside the internship has passed.
   *
   * @throws it.percorsi.platform.problem.ProblemException when the month has no day of the
   *     internship or its part in the internship has not ended on {@code today}
   */
  public MonthPlan plan(YearMonth month, LocalDate today) {
    MonthPlan plan =
        MonthPlan.of(month, startDate, lastDay(), weeklyHours)
            .orElseThrow(() -> PlacementProblems.monthOutsideInternship(month));
    if (!today.isAfter(plan.to())) {
      throw PlacementProblems.monthNotEnded(month, plan.to().plusDays(1));
    }
    return plan;
  }

  /** Enters or corrects {@code month}'s attended hours as {@code party}. */
  public AttendanceMonth recordAttendance(
      Optional<AttendanceMonth> existing,
      YearMonth month,
      int attendedHours,
      Party party,
      LocalDate today,
      Instant now) {
    MonthPlan plan = plan(month, today);
    if (existing.isPresent()) {
      existing.get().correct(plan, attendedHours, party, now);
      return existing.get();
    }
    return AttendanceMonth.enter(id, doteId, plan, attendedHours, party, now);
  }

  /** The other party confirms {@code month}: {@code attendance-recorded}, once. */
  public AttendanceRecorded confirmAttendance(
      Optional<AttendanceMonth> entered, YearMonth month, Party party, Instant now) {
    return entered
        .orElseThrow(() -> PlacementProblems.attendanceNotRecorded(month))
        .confirm(party, now);
  }

  /** The last day of the internship: the day it ended, else its planned end. */
  public LocalDate lastDay() {
    return endedOn != null ? endedOn : plannedEndDate;
  }

  public boolean running() {
    return state == InternshipState.STARTED;
  }

  /** A UNILAV internship notice confirms the start; a cancelled or corrected one withdraws it. */
  public void confirmStartByNotice(String noticeCode, Instant now) {
    startNoticeCode = noticeCode;
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public String etag() {
    return Preconditions.etag(version);
  }

  private LocalDate plannedEnd() {
    return startDate.plusMonths((long) internshipMonths + extensionMonths).minusDays(1);
  }

  private void requireRunning() {
    if (state != InternshipState.STARTED) {
      throw PlacementProblems.notRunning(state.name());
    }
  }

  private InternshipCompleted end(
      InternshipState to, LocalDate lastDay, InterruptionReason reason, Instant now) {
    state = to;
    endedOn = lastDay;
    interruptionReason = reason;
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    return new InternshipCompleted(
        id, doteId, endedOn, to.name(), reason == null ? null : reason.name(), startDate);
  }
}
