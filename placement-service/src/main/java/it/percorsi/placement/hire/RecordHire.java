package it.percorsi.placement.hire;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /hires}. */
@Schema(name = "RecordHire")
public record RecordHire(
    @Schema(examples = "3f1e0a52-8c3b-4b8e-9a43-6f0d2c1b7e55") @NotNull UUID participantId,
    @Schema(examples = "00743110157", description = "The employer's tax code")
        @NotBlank
        @Size(max = 20)
        String employerTaxCode,
    @Schema(examples = "A.01.00", description = "UNILAV contract type (GET /hires/contract-types)")
        @NotBlank
        String contractType,
    @Schema(examples = "2027-02-15") @NotNull LocalDate startDate,
    @Schema(examples = "2028-02-14", description = "Required for a fixed-term contract")
        LocalDate endDate,
    @Schema(examples = "40") @NotNull @Min(1) @Max(48) Integer weeklyHours,
    @Schema(examples = "25.62.00", description = "ATECO 2025 code of the job") @NotBlank
        String atecoCode,
    @Schema(examples = "7.2.1.1.0", description = "ISTAT profession code (CP2021), optional")
        @Pattern(regexp = "[1-9](\\.[0-9]{1,2}){0,4}", message = "must be an ISTAT profession code")
        String istatProfession) {}
