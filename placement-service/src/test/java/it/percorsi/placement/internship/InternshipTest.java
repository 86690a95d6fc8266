package it.percorsi.placement.internship;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.placement.attendance.AttendanceMonth;
import it.percorsi.placement.attendance.Party;
import it.percorsi.placement.employer.CompanyTutor;
import it.percorsi.placement.employer.Employer;
import it.percorsi.placement.employer.EmployerData;
import it.percorsi.placement.employer.LegalForm;
import it.percorsi.placement.events.AttendanceRecorded;
import it.percorsi.placement.events.InternshipCompleted;
import it.percorsi.placement.events.InternshipExtended;
import it.percorsi.platform.problem.ProblemException;
import it.percorsi.platform.projection.dote.DoteProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The internship's rules, on the aggregate alone. */
class InternshipTest {

  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  private static final LocalDate START = LocalDate.of(2026, 12, 7);

  static DoteProjection dote(String state) {
    DoteProjection d = new DoteProjection();
    d.doteId = UUID.randomUUID();
    d.participantId = UUID.randomUUID();
    d.promoterOrgId = "ORG-PROMOTER-A";
    d.programmeCode = "EXAMPLE-PERCORSI-4-SUD";
    d.regionCode = "19";
    d.provinceCode = "083";
    d.state = state;
    d.activatedOn = LocalDate.of(2026, 11, 2);
    d.startDeadline = LocalDate.of(2027, 1, 31);
    d.internshipMonths = 6;
    d.attendanceThresholdPercent = 70;
    return d;
  }

  static Employer employer(int employees) {
    return Employer.register(
        new EmployerData(
            "00743110157",
            "Acme",
            LegalForm.SRL,
            false,
            "25.62.00",
            "083048",
            employees,
            List.of(new CompanyTutor("Giulia Verdi", null)),
            "HOST-ACME"),
        "ORG-PROMOTER-A",
        NOW);
  }

  static StartInternship request(LocalDate start) {
    return new StartInternship(
        UUID.randomUUID(), UUID.randomUUID(), null, start, 25, "Giulia", "Marco", "Tasks");
  }

  static Internship started() {
    return Internship.start(
            request(START), dote(DoteProjection.ACTIVE), employer(12), 0, Optional.empty(), NOW)
        .internship();
  }

  private static String problemType(Runnable r) {
    try {
      r.run();
    } catch (ProblemException e) {
      return e.problem().getType().toString().replace("https://percorsi.it/problems/", "");
    }
    throw new AssertionError("no problem");
  }

  @Test
  void plannedEndIsStartPlusTheDotesMonthsLessADay() {
    Internship.Started s =
        Internship.start(
            request(START), dote(DoteProjection.ACTIVE), employer(12), 1, Optional.empty(), NOW);
    assertThat(s.internship().plannedEndDate).isEqualTo(LocalDate.of(2027, 6, 6));
    assertThat(s.event().plannedEndDate()).isEqualTo(LocalDate.of(2027, 6, 6));
    assertThat(s.event().weeklyHours()).isEqualTo(25);
    assertThat(s.internship().hostOrgId).isEqualTo("HOST-ACME");
  }

  @Test
  void startIsRefusedForADoteThatIsNotActive() {
    assertThat(
            problemType(
                () ->
                    Internship.start(
                        request(START),
                        dote(DoteProjection.ASSIGNED),
                        employer(12),
                        0,
                        Optional.empty(),
                        NOW)))
        .isEqualTo("dote-not-active");
  }

  @Test
  void startIsRefusedBeforeActivationAndAfterTheDeadline() {
    assertThat(
            problemType(
                () ->
                    Internship.start(
                        request(LocalDate.of(2026, 11, 1)),
                        dote(DoteProjection.ACTIVE),
                        employer(12),
                        0,
                        Optional.empty(),
                        NOW)))
        .isEqualTo("start-before-activation");
    assertThat(
            problemType(
                () ->
                    Internship.start(
                        request(LocalDate.of(2027, 2, 1)),
                        dote(DoteProjection.ACTIVE),
                        employer(12),
                        0,
                        Optional.empty(),
                        NOW)))
        .isEqualTo("start-after-deadline");
  }

  @Test
  void aThirdInternAtATwelveEmployeeHostIsRefused() {
    assertThat(
            problemType(
                () ->
                    Internship.start(
                        request(START),
                        dote(DoteProjection.ACTIVE),
                        employer(12),
                        2,
                        Optional.empty(),
                        NOW)))
        .isEqualTo("host-intern-limit");
  }

  @Test
  void aParticipantHasOneRunningInternship() {
    assertThat(
            problemType(
                () ->
                    Internship.start(
                        request(START),
                        dote(DoteProjection.ACTIVE),
                        employer(12),
                        0,
                        Optional.of(UUID.randomUUID()),
                        NOW)))
        .isEqualTo("internship-running");
  }

  @Test
  void anExtensionLengthensTheRunningInternshipOnce() {
    Internship i = started();
    Optional<InternshipExtended> e = i.extendTo(3, NOW);
    assertThat(e).isPresent();
    assertThat(e.get().addedMonths()).isEqualTo(3);
    assertThat(i.plannedEndDate).isEqualTo(LocalDate.of(2027, 9, 6));
    assertThat(i.extendTo(3, NOW)).isEmpty();
  }

  @Test
  void interruptionCarriesTheOutcomeAndReason() {
    Internship i = started();
    InternshipCompleted e =
        i.interrupt(
            InterruptionReason.HIRED_BY_HOST,
            LocalDate.of(2027, 2, 12),
            LocalDate.of(2027, 2, 15),
            NOW);
    assertThat(e.outcome()).isEqualTo("INTERRUPTED");
    assertThat(e.interruptionReason()).isEqualTo("HIRED_BY_HOST");
    assertThat(e.completedOn()).isEqualTo(LocalDate.of(2027, 2, 12));
    assertThat(e.startDate()).isEqualTo(START);
    assertThat(i.state).isEqualTo(InternshipState.INTERRUPTED);
    assertThat(problemType(() -> i.complete(LocalDate.of(2027, 7, 1), NOW)))
        .isEqualTo("internship-not-running");
  }

  @Test
  void completionWaitsForThePlannedEnd() {
    Internship i = started();
    assertThat(problemType(() -> i.complete(LocalDate.of(2027, 6, 5), NOW)))
        .isEqualTo("internship-not-ended");
    InternshipCompleted e = i.complete(LocalDate.of(2027, 6, 6), NOW);
    assertThat(e.outcome()).isEqualTo("COMPLETED");
    assertThat(e.interruptionReason()).isNull();
  }

  @Test
  void attendanceOfAMonthThatHasNotEndedIsRefused() {
    Internship i = started();
    assertThat(
            problemType(
                () ->
                    i.recordAttendance(
                        Optional.empty(),
                        YearMonth.of(2026, 12),
                        80,
                        Party.PROMOTER,
                        LocalDate.of(2026, 12, 31),
                        NOW)))
        .isEqualTo("month-not-ended");
    assertThat(
            problemType(
                () ->
                    i.recordAttendance(
                        Optional.empty(),
                        YearMonth.of(2026, 11),
                        80,
                        Party.PROMOTER,
                        LocalDate.of(2027, 1, 5),
                        NOW)))
        .isEqualTo("month-outside-internship");
  }

  @Test
  void attendedHoursAboveTheCalendarAreRefused() {
    Internship i = started();
    assertThat(
            problemType(
                () ->
                    i.recordAttendance(
                        Optional.empty(),
                        YearMonth.of(2026, 12),
                        86,
                        Party.PROMOTER,
                        LocalDate.of(2027, 1, 5),
                        NOW)))
        .isEqualTo("validation");
  }

  @Test
  void theOtherPartyConfirmsOnceAndTheMonthIsFrozen() {
    Internship i = started();
    YearMonth dec = YearMonth.of(2026, 12);
    LocalDate jan5 = LocalDate.of(2027, 1, 5);
    AttendanceMonth a = i.recordAttendance(Optional.empty(), dec, 60, Party.PROMOTER, jan5, NOW);
    a = i.recordAttendance(Optional.of(a), dec, 70, Party.PROMOTER, jan5, NOW);
    AttendanceMonth entered = a;
    assertThat(
            problemType(() -> i.confirmAttendance(Optional.of(entered), dec, Party.PROMOTER, NOW)))
        .isEqualTo("confirmation-by-other-party");
    AttendanceRecorded e = i.confirmAttendance(Optional.of(a), dec, Party.HOST, NOW);
    assertThat(e.plannedHours()).isEqualTo(85);
    assertThat(e.attendedHours()).isEqualTo(70);
    assertThat(e.coveredWorkingDays()).isEqualTo(17);
    assertThat(e.monthWorkingDays()).isEqualTo(21);
    assertThat(e.revision()).isEqualTo(1);
    assertThat(a.meets(70)).isTrue();
    assertThat(problemType(() -> i.confirmAttendance(Optional.of(entered), dec, Party.HOST, NOW)))
        .isEqualTo("attendance-confirmed");
    assertThat(
            problemType(
                () -> i.recordAttendance(Optional.of(entered), dec, 85, Party.HOST, jan5, NOW)))
        .isEqualTo("attendance-confirmed");
  }
}
