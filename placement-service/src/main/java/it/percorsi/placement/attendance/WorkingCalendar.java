package it.percorsi.placement.attendance;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days in Italy: Monday to Friday, without the national public holidays as the maintained
 * jollyday calendar knows them (including 4 October, St Francis, from 2026). Local patron saints'
 * days are not national holidays and count as working days.
 */
public final class WorkingCalendar {

  private static final HolidayManager ITALY =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.ITALY));

  private WorkingCalendar() {}

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY
        && d != DayOfWeek.SUNDAY
        && !ITALY.isHoliday(day, HolidayType.PUBLIC_HOLIDAY);
  }

  /** Working days from {@code from} to {@code to}, both included; 0 when {@code to} is before. */
  public static int workingDays(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }
}
