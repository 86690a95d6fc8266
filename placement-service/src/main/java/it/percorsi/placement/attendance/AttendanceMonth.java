package it.percorsi.placement.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.placement.PlacementProblems;
import it.percorsi.placement.events.AttendanceRecorded;
import it.percorsi.platform.http.Preconditions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One month of an internship's attendance: entered by one party, confirmed by the other. Until the
 * confirmation it may be corrected; the confirmation emits {@code attendance-recorded} once and
 * freezes it.
 */
@Entity
@Table(name = "attendance_month")
public class AttendanceMonth extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "internship_id", nullable = false)
  public UUID internshipId;

  @Column(name = "dote_id", nullable = false)
  public UUID doteId;

  /** {@code yyyy-MM}. */
  @Column(nullable = false, length = 7, columnDefinition = "bpchar")
  public String month;

  @Column(name = "planned_hours", nullable = false)
  public int plannedHours;

  @Column(name = "attended_hours", nullable = false)
  public int attendedHours;

  @Column(name = "covered_working_days", nullable = false)
  public int coveredWorkingDays;

  @Column(name = "month_working_days", nullable = false)
  public int monthWorkingDays;

  @Enumerated(EnumType.STRING)
  @Column(name = "entered_by", nullable = false, length = 10)
  public Party enteredBy;

  @Column(name = "entered_at", nullable = false)
  public Instant enteredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "confirmed_by", length = 10)
  public Party confirmedBy;

  @Column(name = "confirmed_at")
  public Instant confirmedAt;

  @Version public long version;

  protected AttendanceMonth() {}

  /** A first entry of {@code plan}'s month. */
  public static AttendanceMonth enter(
      UUID internshipId, UUID doteId, MonthPlan plan, int attended, Party by, Instant now) {
    AttendanceMonth a = new AttendanceMonth();
    a.id = UUID.randomUUID();
    a.internshipId = internshipId;
    a.doteId = doteId;
    a.month = plan.month().toString();
    a.set(plan, attended, by, now);
    return a;
  }

  /**
   * Corrects the month before its confirmation; the corrector becomes the party the other one
   * confirms against.
   */
  public void correct(MonthPlan plan, int attended, Party by, Instant now) {
    if (confirmed()) {
      throw PlacementProblems.attendanceConfirmed(yearMonth());
    }
    set(plan, attended, by, now);
  }

  /**
   * The other party confirms.
   *
   * @return {@code attendance-recorded}, revision 1
   */
  public AttendanceRecorded confirm(Party by, Instant now) {
    if (confirmed()) {
      throw PlacementProblems.attendanceConfirmed(yearMonth());
    }
    if (by == enteredBy) {
      throw PlacementProblems.confirmationByOtherParty();
    }
    confirmedBy = by;
    confirmedAt = now.truncatedTo(ChronoUnit.MICROS);
    return new AttendanceRecorded(
        internshipId,
        doteId,
        month,
        plannedHours,
        attendedHours,
        coveredWorkingDays,
        monthWorkingDays,
        1);
  }

  public boolean confirmed() {
    return confirmedBy != null;
  }

  public YearMonth yearMonth() {
    return YearMonth.parse(month);
  }

  /** Attended hours as a share of the planned ones, in whole per cent rounded down. */
  public int percent() {
    return plannedHours == 0 ? 0 : (int) (attendedHours * 100L / plannedHours);
  }

  /** Whether the month reaches {@code thresholdPercent} of the planned hours. */
  public boolean meets(int thresholdPercent) {
    return plannedHours > 0 && attendedHours * 100L >= (long) thresholdPercent * plannedHours;
  }

  public String etag() {
    return Preconditions.etag(version);
  }

  private void set(MonthPlan plan, int attended, Party by, Instant now) {
    if (attended > plan.plannedHours()) {
      throw PlacementProblems.attendanceAboveCalendar(plan.plannedHours(), plan.month());
    }
    plannedHours = plan.plannedHours();
    coveredWorkingDays = plan.coveredWorkingDays();
    monthWorkingDays = plan.monthWorkingDays();
    attendedHours = attended;
    enteredBy = by;
    enteredAt = now.truncatedTo(ChronoUnit.MICROS);
  }
}
