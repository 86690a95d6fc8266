package it.percorsi.placement.internship;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /internships}: a promoter starts an internship for an active dote. */
@Schema(name = "StartInternship")
public record StartInternship(
    @Schema(examples = "0b6c1f1e-5d0a-4a57-9a53-0c1f2b9c1a11") @NotNull UUID doteId,
    @Schema(examples = "5f0e8a2c-3b1d-4c7e-8f9a-1d2e3c4b5a69") @NotNull UUID employerId,
    @Schema(
            examples = "083048",
            description =
                "ISTAT municipality where the intern works; the employer's site if absent")
        @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT municipality code")
        String siteMunicipality,
    @Schema(examples = "2026-12-07") @NotNull LocalDate startDate,
    @Schema(examples = "25", description = "20 to 30 hours a week") @NotNull @Min(20) @Max(30)
        Integer weeklyHours,
    @Schema(examples = "Giulia Verdi", description = "The company tutor") @NotBlank @Size(max = 200)
        String companyTutor,
    @Schema(examples = "Marco Neri", description = "The promoter's tutor")
        @NotBlank
        @Size(max = 200)
        String promoterTutor,
    @Schema(examples = "Assembly of mechanical parts under supervision; workshop safety.")
        @NotBlank
        @Size(max = 2000)
        String tasks) {}
