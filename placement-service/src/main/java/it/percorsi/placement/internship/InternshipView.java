package it.percorsi.placement.internship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An internship as returned over HTTP: ids, dates and terms; no personal data of the intern. */
@Schema(name = "Internship")
public record InternshipView(
    UUID id,
    UUID doteId,
    UUID participantId,
    UUID employerId,
    @Schema(examples = "HOST-ACME") String hostOrgId,
    @Schema(examples = "ORG-PROMOTER-A") String promoterOrgId,
    @Schema(examples = "EXAMPLE-PERCORSI-4-SUD") String programmeCode,
    @Schema(examples = "19") String regionCode,
    @Schema(examples = "083") String provinceCode,
    @Schema(examples = "083048") String siteMunicipality,
    @Schema(examples = "2026-12-07") LocalDate startDate,
    @Schema(examples = "2027-06-06") LocalDate plannedEndDate,
    @Schema(examples = "25") int weeklyHours,
    @Schema(examples = "6") int internshipMonths,
    @Schema(examples = "0") int extensionMonths,
    @Schema(examples = "70") int attendanceThresholdPercent,
    String companyTutor,
    String promoterTutor,
    String tasks,
    InternshipState state,
    LocalDate endedOn,
    InterruptionReason interruptionReason,
    Instant startedAt,
    @Schema(
            description =
                "Code of the UNILAV notice that confirmed the start; absent until one did",
            examples = "1500026000123456")
        String startNoticeCode,
    Instant updatedAt,
    long version) {

  public static InternshipView of(Internship i) {
    return new InternshipView(
        i.id,
        i.doteId,
        i.participantId,
        i.employerId,
        i.hostOrgId,
        i.promoterOrgId,
        i.programmeCode,
        i.regionCode,
        i.provinceCode,
        i.siteMunicipality,
        i.startDate,
        i.plannedEndDate,
        i.weeklyHours,
        i.internshipMonths,
        i.extensionMonths,
        i.attendanceThresholdPercent,
        i.companyTutor,
        i.promoterTutor,
        i.tasks,
        i.state,
        i.endedOn,
        i.interruptionReason,
        i.startedAt,
        i.startNoticeCode,
        i.updatedAt,
        i.version);
  }
}
