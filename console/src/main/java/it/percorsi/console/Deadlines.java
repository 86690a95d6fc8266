package it.percorsi.console;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The next deadline of a case, from its dote's dates and the business date (the sandbox clock): a
 * plan to approve before the internship's start deadline, the running month's attendance to
 * confirm, the completion at the planned end, then the follow-ups at 1, 3, 6 and 12 months.
 */
final class Deadlines {

  private Deadlines() {}

  /** The deadline's date and its words, or null when the case has none left. */
  record Deadline(LocalDate date, String text) {}

  static Deadline next(Map<String, Object> dote, LocalDate today, Msg msg) {
    String state = str(dote.get("state"));
    LocalDate startDeadline = date(dote.get("startDeadline"));
    LocalDate internshipStart = date(dote.get("internshipStart"));
    LocalDate plannedEnd = date(dote.get("internshipPlannedEnd"));
    LocalDate endedOn = date(dote.get("internshipEndedOn"));
    switch (state) {
      case "ASSIGNED":
        return startDeadline == null
            ? null
            : new Deadline(startDeadline, msg.dl_plan(startDeadline.toString()));
      case "ACTIVE":
      case "EXTENDED":
        if (internshipStart == null) {
          return startDeadline == null
              ? null
              : new Deadline(startDeadline, msg.dl_start(startDeadline.toString()));
        }
        if (endedOn == null && plannedEnd != null && !today.isBefore(plannedEnd)) {
          return new Deadline(plannedEnd, msg.dl_end(plannedEnd.toString()));
        }
        if (endedOn == null) {
          YearMonth month =
              YearMonth.from(today.isBefore(internshipStart) ? internshipStart : today);
          LocalDate due = month.atEndOfMonth();
          return new Deadline(due, msg.dl_month(month.toString(), due.toString()));
        }
        return followUp(endedOn, today, msg);
      case "COMPLETED":
        LocalDate end = endedOn != null ? endedOn : date(dote.get("closedOn"));
        return end == null ? null : followUp(end, today, msg);
      default:
        return null;
    }
  }

  private static Deadline followUp(LocalDate end, LocalDate today, Msg msg) {
    for (int months : new int[] {1, 3, 6, 12}) {
      LocalDate due = end.plusMonths(months);
      if (!due.isBefore(today)) {
        return new Deadline(due, msg.dl_follow_up(months, due.toString()));
      }
    }
    return null;
  }

  static LocalDate date(Object o) {
    return o == null ? null : LocalDate.parse(o.toString());
  }

  static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
