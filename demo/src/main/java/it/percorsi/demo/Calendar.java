package it.percorsi.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Set;

/**
 * The planned hours of an internship month as placement-service computes them: the weekly hours / 5
 * for every working day of the month inside the internship (no weekends, no Italian national
 * holidays), rounded half up. An estimate: the service's calendar decides, and the demo corrects
 * its entry when the service plans fewer hours.
 */
final class Calendar {

  private Calendar() {}

  private static final Set<MonthDay> FIXED =
      Set.of(
          MonthDay.of(1, 1),
          MonthDay.of(1, 6),
          MonthDay.of(4, 25),
          MonthDay.of(5, 1),
          MonthDay.of(6, 2),
          MonthDay.of(8, 15),
          MonthDay.of(10, 4),
          MonthDay.of(11, 1),
          MonthDay.of(12, 8),
          MonthDay.of(12, 25),
          MonthDay.of(12, 26));

  static int plannedHours(int weeklyHours, LocalDate start, LocalDate end, YearMonth month) {
    LocalDate from = month.atDay(1).isBefore(start) ? start : month.atDay(1);
    LocalDate to = month.atEndOfMonth().isAfter(end) ? end : month.atEndOfMonth();
    int days = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (working(d)) {
        days++;
      }
    }
    return (int) Math.round(weeklyHours / 5.0 * days);
  }

  static boolean working(LocalDate d) {
    if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    return !FIXED.contains(MonthDay.from(d)) && !d.equals(easter(d.getYear()).plusDays(1));
  }

  /** Easter Sunday (Gregorian, anonymous algorithm). */
  static LocalDate easter(int y) {
    int a = y % 19;
    int b = y / 100;
    int c = y % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(y, month, day);
  }
}
