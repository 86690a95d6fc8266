package it.percorsi.dote.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme draft as the agency defines it: every rule of the call, as data. */
@Schema(name = "ProgrammeRequest")
public record ProgrammeRequest(
    @Schema(examples = "PERCORSI-5")
        @NotBlank
        @Pattern(
            regexp = "[A-Z0-9-]{3,60}",
            message = "must be 3-60 upper-case letters, digits or dashes")
        String code,
    @NotBlank @Size(max = 300) String title,
    @NotNull LocalDate applicationOpens,
    @NotNull LocalDate applicationCloses,
    @NotNull @Valid Criteria criteria,
    @NotNull @Min(1) @Max(24) Integer internshipMonths,
    @NotNull @Min(0) @Max(24) Integer maxExtensionMonths,
    @Schema(examples = "50000") @NotNull @PositiveOrZero Long monthlyAllowanceCents,
    @Schema(examples = "70") @NotNull @Min(1) @Max(100) Integer attendanceThresholdPercent,
    @Schema(examples = "60000") @NotNull @PositiveOrZero Long hostContributionCents,
    @Schema(
            description =
                "What the host receives when the internship is interrupted: NONE (default) or"
                    + " PRO_RATA (in proportion to the whole months completed)")
        Programme.HostContributionOnInterruption hostContributionOnInterruption,
    @Schema(examples = "200000") @NotNull @PositiveOrZero Long promoterServicesCents,
    @NotNull @Min(1) @Max(1_000_000) Integer totalDotes,
    @NotEmpty @Valid List<Quota> quotas,
    @Schema(description = "Most dotes one promoter organisation may hold; absent = no cap") @Min(1)
        Integer promoterCap,
    @Schema(examples = "60") @NotNull @Min(1) @Max(365) Integer clearanceToStartDays) {

  /** Eligibility criteria; ages are evaluated at the planned internship start. */
  public record Criteria(
      @Schema(examples = "16") @NotNull @Min(14) @Max(30) Integer minAge,
      @Schema(examples = "23", description = "exclusive") @NotNull @Min(15) @Max(40)
          Integer maxAgeExclusive,
      @NotNull Boolean enteredAsUnaccompaniedMinor,
      @NotNull Boolean unemployed,
      @NotNull Boolean validPermit,
      @NotNull Boolean didAndServiceAgreement,
      @NotNull Boolean consent) {}

  /** The places of one region (ISTAT region code). */
  public record Quota(
      @Schema(examples = "19")
          @NotNull
          @Pattern(regexp = "[0-2][0-9]", message = "must be a 2-digit ISTAT region code")
          String regionCode,
      @NotNull @Min(0) @Max(1_000_000) Integer places) {}
}
