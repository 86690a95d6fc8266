package it.percorsi.placement.hire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hire as returned over HTTP. */
@Schema(name = "Hire")
public record HireView(
    UUID id,
    UUID participantId,
    UUID internshipId,
    UUID doteId,
    String promoterOrgId,
    String provinceCode,
    @Schema(examples = "00743110157") String employerTaxCode,
    UUID employerId,
    @Schema(examples = "A.01.00") String contractType,
    @Schema(examples = "PERMANENT") String contractFamily,
    LocalDate startDate,
    LocalDate endDate,
    int weeklyHours,
    String atecoCode,
    String istatProfession,
    String recordedByOrgId,
    Instant recordedAt,
    @Schema(description = "MANUAL (recorded by hand) or NOTICE (from a UNILAV notice)")
        Hire.Source source,
    @Schema(description = "Code of the latest UNILAV notice applied to it (source NOTICE)")
        String noticeCode,
    long version) {

  public static HireView of(Hire h) {
    return new HireView(
        h.id,
        h.participantId,
        h.internshipId,
        h.doteId,
        h.promoterOrgId,
        h.provinceCode,
        h.employerTaxCode,
        h.employerId,
        h.contractType,
        h.contractFamily,
        h.startDate,
        h.endDate,
        h.weeklyHours,
        h.atecoCode,
        h.istatProfession,
        h.recordedByOrgId,
        h.recordedAt,
        h.source,
        h.noticeCode,
        h.version);
  }
}
