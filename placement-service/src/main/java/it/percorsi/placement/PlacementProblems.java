package it.percorsi.placement;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Every refusal of placement-service, in one place: aggregates name the rule they refuse, this
 * catalogue gives it its problem type, status and wording (RFC 9457).
 */
public final class PlacementProblems {

  private PlacementProblems() {}

  public static ProblemException invalid(String field, String message) {
    return ProblemException.invalid(field, message);
  }

  public static ProblemException invalid(List<Problem.FieldError> errors) {
    return new ProblemException(Problem.validation(errors));
  }

  public static ProblemException noOrganisation() {
    return new ProblemException(
        Problem.of(
            "no-organisation",
            "No organisation",
            403,
            "Your token carries no organisation, which would own the record"));
  }

  public static ProblemException notAParty() {
    return new ProblemException(
        Problem.of(
            "not-a-party",
            "Not a party to this internship",
            403,
            "Only the host of the internship or its promoter may do this"));
  }

  public static ProblemException duplicateEmployer(Object existingId) {
    return new ProblemException(
        Problem.of(
                "duplicate-employer",
                "Employer already registered",
                409,
                "A host organisation with this tax code is already registered")
            .with("existingId", existingId));
  }

  public static ProblemException doteNotActive(String state) {
    return new ProblemException(
        Problem.of(
                "dote-not-active",
                "The dote is not active",
                422,
                "An internship starts only for an active dote (its plan approved); this one is "
                    + state)
            .with("doteState", state));
  }

  public static ProblemException doteTermsUnknown() {
    return new ProblemException(
        Problem.of(
            "dote-terms-unknown",
            "The dote's terms are not known",
            422,
            "The dote's assignment did not carry the internship months; the internship cannot be"
                + " planned"));
  }

  public static ProblemException startBeforeActivation(LocalDate activatedOn) {
    return new ProblemException(
        Problem.of(
                "start-before-activation",
                "Start before the dote's activation",
                422,
                "The internship cannot start before the dote was activated on " + activatedOn)
            .with("activatedOn", activatedOn.toString()));
  }

  public static ProblemException startAfterDeadline(LocalDate deadline) {
    return new ProblemException(
        Problem.of(
                "start-after-deadline",
                "Start after the dote's deadline",
                422,
                "The internship must start by " + deadline)
            .with("startDeadline", deadline.toString()));
  }

  public static ProblemException internshipRunning(Object existingId) {
    return new ProblemException(
        Problem.of(
                "internship-running",
                "The participant already has a running internship",
                409,
                "A participant has one internship at a time")
            .with("existingId", existingId));
  }

  public static ProblemException hostLimitReached(int limit, int employees) {
    return new ProblemException(
        Problem.of(
                "host-intern-limit",
                "The host has as many interns as its size allows",
                409,
                "A host with "
                    + employees
                    + " employees may have "
                    + limit
                    + " concurrent intern(s) (national rules on extracurricular internships)")
            .with("limit", limit));
  }

  public static ProblemException notRunning(String state) {
    return new ProblemException(
        Problem.of(
                "internship-not-running",
                "The internship is not running",
                409,
                "This internship is " + state)
            .with("state", state));
  }

  public static ProblemException notEnded(LocalDate plannedEnd) {
    return new ProblemException(
        Problem.of(
            "internship-not-ended",
            "The internship has not reached its planned end",
            422,
            "It can be completed from "
                + plannedEnd
                + "; to end it earlier, record an interruption"));
  }

  public static ProblemException lastDayBeforeStart(LocalDate start) {
    return invalid("lastDay", "must not be before the start " + start);
  }

  public static ProblemException lastDayInTheFuture() {
    return invalid("lastDay", "must not be in the future");
  }

  public static ProblemException lastDayNotBeforePlannedEnd(LocalDate plannedEnd) {
    return invalid(
        "lastDay", "must be before the planned end " + plannedEnd + "; complete it instead");
  }

  public static ProblemException monthOutsideInternship(YearMonth month) {
    return new ProblemException(
        Problem.of(
            "month-outside-internship",
            "Month outside the internship",
            422,
            month + " has no day of this internship"));
  }

  public static ProblemException monthNotEnded(YearMonth month, LocalDate from) {
    return new ProblemException(
        Problem.of(
                "month-not-ended",
                "Month not ended",
                422,
                "Attendance of " + month + " can be recorded from " + from)
            .with("from", from.toString()));
  }

  public static ProblemException attendanceAboveCalendar(int plannedHours, YearMonth month) {
    return invalid(
        "attendedHours",
        "must not exceed the " + plannedHours + " hours the calendar plans for " + month);
  }

  public static ProblemException taxCodeIsIdentity() {
    return invalid("taxCode", "is the employer's identity and cannot change");
  }

  public static ProblemException attendanceConfirmed(YearMonth month) {
    return new ProblemException(
        Problem.of(
            "attendance-confirmed",
            "Attendance already confirmed",
            409,
            "The attendance of " + month + " was confirmed and can no longer change"));
  }

  public static ProblemException attendanceNotRecorded(YearMonth month) {
    return new ProblemException(
        Problem.of(
            "attendance-not-recorded",
            "No attendance recorded",
            409,
            "Record the attendance of " + month + " before confirming it"));
  }

  public static ProblemException confirmationByOtherParty() {
    return new ProblemException(
        Problem.of(
            "confirmation-by-other-party",
            "The other party confirms",
            409,
            "Attendance entered by the host is confirmed by the promoter, and the other way round"));
  }

  public static ProblemException followUpNotDue(LocalDate due) {
    return new ProblemException(
        Problem.of(
                "follow-up-not-due",
                "Follow-up not yet due",
                422,
                "This checkpoint is due on " + due)
            .with("dueOn", due.toString()));
  }

  public static ProblemException followUpRecorded() {
    return new ProblemException(
        Problem.of(
            "follow-up-recorded",
            "Follow-up already recorded",
            409,
            "This checkpoint was already recorded"));
  }
}
