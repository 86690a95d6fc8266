package it.percorsi.dote.dote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A promoter applies for a dote for a participant of its organisation. */
@Schema(name = "ApplyForDote")
public record ApplyForDote(
    @Schema(examples = "EXAMPLE-PERCORSI-4-SUD") @NotBlank String programme,
    @NotNull UUID participantId,
    @Schema(examples = "2027-02-01") @NotNull LocalDate plannedInternshipStart) {}
