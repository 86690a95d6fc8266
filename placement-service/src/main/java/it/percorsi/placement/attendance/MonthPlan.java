package it.percorsi.placement.attendance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * What the calendar plans for one month of an internship: the working days the internship covers in
 * it, the working days of the whole month, and the planned hours — the weekly hours spread over
 * five working days a week, times the covered working days, rounded half up to whole hours (the bus
 * carries whole hours).
 *
 * @param from the first day of the internship in the month
 * @param to the last day of the internship in the month
 */
public record MonthPlan(
    YearMonth month,
    LocalDate from,
    LocalDate to,
    int coveredWorkingDays,
    int monthWorkingDays,
    int plannedHours) {

  /**
   * The plan of {@code month} for an internship from {@code start} to {@code end}, if they meet.
   */
  public static Optional<MonthPlan> of(
      YearMonth month, LocalDate start, LocalDate end, int weeklyHours) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    LocalDate from = start.isAfter(first) ? start : first;
    LocalDate to = end.isBefore(last) ? end : last;
    if (from.isAfter(to)) {
      return Optional.empty();
    }
    int covered = WorkingCalendar.workingDays(from, to);
    int whole = WorkingCalendar.workingDays(first, last);
    // weeklyHours / 5 per working day, in tenths to round half up without floating point.
    int plannedHours = (weeklyHours * covered * 2 + 5) / 10;
    return Optional.of(new MonthPlan(month, from, to, covered, whole, plannedHours));
  }
}
