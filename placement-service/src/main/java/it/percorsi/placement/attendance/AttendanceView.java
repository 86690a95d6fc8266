package it.percorsi.placement.attendance;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One month of attendance as returned over HTTP. */
@Schema(name = "AttendanceMonth")
public record AttendanceView(
    @Schema(examples = "2026-12") String month,
    @Schema(examples = "85", description = "From the calendar") int plannedHours,
    @Schema(examples = "70") int attendedHours,
    @Schema(examples = "82", description = "Attended / planned, whole per cent rounded down")
        int percent,
    @Schema(examples = "70") int thresholdPercent,
    boolean thresholdMet,
    @Schema(examples = "17") int coveredWorkingDays,
    @Schema(examples = "21") int monthWorkingDays,
    Party enteredBy,
    Party confirmedBy,
    boolean confirmed,
    Instant confirmedAt,
    long version) {

  public static AttendanceView of(AttendanceMonth a, int thresholdPercent) {
    return new AttendanceView(
        a.month,
        a.plannedHours,
        a.attendedHours,
        a.percent(),
        thresholdPercent,
        a.meets(thresholdPercent),
        a.coveredWorkingDays,
        a.monthWorkingDays,
        a.enteredBy,
        a.confirmedBy,
        a.confirmed(),
        a.confirmedAt,
        a.version);
  }
}
