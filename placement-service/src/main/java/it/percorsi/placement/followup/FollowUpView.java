package it.percorsi.placement.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A follow-up checkpoint as returned over HTTP. */
@Schema(name = "FollowUp")
public record FollowUpView(
    UUID internshipId,
    UUID participantId,
    @Schema(examples = "1") int months,
    @Schema(examples = "2027-03-12") LocalDate dueOn,
    FollowUp.Status status,
    Boolean employed,
    @Schema(examples = "A.01.00") String contractType,
    @Schema(examples = "PERMANENT") String contractFamily,
    UUID hireId,
    @Schema(examples = "HIRE") String source,
    Instant recordedAt,
    long version) {

  public static FollowUpView of(FollowUp f) {
    return new FollowUpView(
        f.internshipId,
        f.participantId,
        f.months,
        f.dueOn,
        f.status,
        f.employed,
        f.contractType,
        f.contractFamily,
        f.hireId,
        f.source,
        f.recordedAt,
        f.version);
  }
}
