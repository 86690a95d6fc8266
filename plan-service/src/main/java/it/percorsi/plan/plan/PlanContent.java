package it.percorsi.plan.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a plan version says, written by the promoter as a whole with {@code PUT /plans/{id}}. A
 * draft may be incomplete; completeness is checked at submission ({@link PlanRules}). Stored as one
 * JSON document per version; {@code unitCostCents} and {@code costCents} of each activity are set
 * by the service from the catalogue when the version is written, so an approved version keeps the
 * costs it was approved with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanContent(
    @Schema(examples = "Acquire the basic skills of a kitchen assistant and find a job in catering")
        @Size(max = 4000)
        String objectives,
    @Valid Profile profile,
    @Schema(description = "The services planned") @Valid @Size(max = 50)
        List<@Valid Activity> activities,
    @Valid Internship internship,
    @Valid Signatures signatures) {

  public PlanContent {
    activities = activities == null ? List.of() : List.copyOf(activities);
  }

  /** An empty draft. */
  public static PlanContent empty() {
    return new PlanContent(null, null, List.of(), null, null);
  }

  /** The participant's profile as assessed by the promoter. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Profile(
      @Schema(examples = "8") @Min(0) @Max(30) Integer yearsOfSchooling,
      @Schema(examples = "A2", description = "CEFR level of Italian")
          @Pattern(regexp = "A1|A2|B1|B2|C1|C2|NONE", message = "must be a CEFR level or NONE")
          String italianLevel,
      @Schema(examples = "Two seasons as a farm hand") @Size(max = 2000) String previousWork,
      @Schema(examples = "[\"cooking\", \"basic carpentry\"]") @Size(max = 30)
          List<@Size(max = 200) String> skills) {}

  /**
   * One service of the plan.
   *
   * @param activityId kept across versions so that deliveries follow the activity; the service
   *     assigns one to a new activity
   * @param provider organisation that delivers it
   * @param plannedHours hours planned (for a service paid per outcome: the number of outcomes)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Activity(
      @Schema(description = "Absent for a new activity; keep it when rewriting the plan")
          UUID activityId,
      @Schema(examples = "SPECIALIST_ORIENTATION") @Size(max = 40) String serviceCode,
      @Schema(examples = "ORG-PROMOTER-A")
          @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,99}", message = "must be an organisation id")
          String provider,
      @Schema(examples = "12") @Min(1) @Max(2000) Integer plannedHours,
      @Schema(examples = "2026-12-10") LocalDate from,
      @Schema(examples = "2027-01-31") LocalDate to,
      @Schema(readOnly = true, description = "Standard unit cost when written, euro cents")
          Long unitCostCents,
      @Schema(readOnly = true, description = "plannedHours × unitCostCents") Long costCents) {

    Activity priced(UUID id, Long unitCost) {
      Long cost = unitCost == null || plannedHours == null ? null : unitCost * (long) plannedHours;
      return new Activity(id, serviceCode, provider, plannedHours, from, to, unitCost, cost);
    }
  }

  /** The planned internship. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "PlannedInternship")
  public record Internship(
      @Schema(examples = "ORG-HOST-ACME", description = "Host organisation, if already known")
          @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,99}", message = "must be an organisation id")
          String hostOrgId,
      @Schema(examples = "2027-01-11") LocalDate plannedStart,
      @Schema(examples = "25", description = "20 to 30") @PositiveOrZero @Max(60)
          Integer weeklyHours) {}

  /** The signatures the plan needs before submission. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Signatures(
      @Schema(examples = "2026-12-05") LocalDate participantAcceptedOn,
      @Schema(examples = "2026-12-05", description = "Required while the participant is a minor")
          LocalDate guardianSignedOn) {}
}
