package it.percorsi.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The next deadline of a case from its dote's dates and the business date. */
class DeadlinesTest {

  /** Words as "key(args)", so the test reads which deadline was chosen. */
  private static final Msg MSG =
      (Msg)
          Proxy.newProxyInstance(
              Msg.class.getClassLoader(),
              new Class<?>[] {Msg.class},
              (p, m, args) -> m.getName() + (args == null ? "" : Arrays.toString(args)));

  private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

  private static Map<String, Object> dote(String state, String... kv) {
    Map<String, Object> d = new HashMap<>();
    d.put("state", state);
    for (int i = 0; i + 1 < kv.length; i += 2) {
      d.put(kv[i], kv[i + 1]);
    }
    return d;
  }

  @Test
  void anAssignedDoteWaitsForItsPlanBeforeTheStartDeadline() {
    var d = Deadlines.next(dote("ASSIGNED", "startDeadline", "2027-04-01"), TODAY, MSG);
    assertEquals(LocalDate.of(2027, 4, 1), d.date());
    assertEquals("dl_plan[2027-04-01]", d.text());
  }

  @Test
  void aRunningInternshipHasTheCurrentMonthToConfirm() {
    var d =
        Deadlines.next(
            dote("ACTIVE", "internshipStart", "2027-01-05", "internshipPlannedEnd", "2027-07-04"),
            TODAY,
            MSG);
    assertEquals(LocalDate.of(2027, 3, 31), d.date());
    assertEquals("dl_month[2027-03, 2027-03-31]", d.text());
  }

  @Test
  void anInternshipPastItsPlannedEndIsToComplete() {
    var d =
        Deadlines.next(
            dote("ACTIVE", "internshipStart", "2026-09-01", "internshipPlannedEnd", "2027-02-28"),
            TODAY,
            MSG);
    assertEquals(LocalDate.of(2027, 2, 28), d.date());
  }

  @Test
  void aCompletedCaseHasItsNextFollowUp() {
    var d = Deadlines.next(dote("COMPLETED", "internshipEndedOn", "2027-01-31"), TODAY, MSG);
    // 1 month (2027-02-28) is past; the 3-month follow-up is next.
    assertEquals(LocalDate.of(2027, 4, 30), d.date());
    assertEquals("dl_follow_up[3, 2027-04-30]", d.text());
  }

  @Test
  void aClosedCaseHasNone() {
    assertNull(Deadlines.next(dote("REVOKED"), TODAY, MSG));
    assertNull(Deadlines.next(dote("COMPLETED", "internshipEndedOn", "2025-01-31"), TODAY, MSG));
  }
}
