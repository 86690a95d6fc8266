package it.percorsi.placement.employer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a promoter or the agency writes about a host organisation: the body of {@code POST
 * /employers} and of {@code PUT /employers/{id}} (the whole record; the tax code cannot change).
 * Shapes are checked here; the tax code's check character and the ATECO code in {@link
 * EmployerRules}.
 */
@Schema(name = "EmployerData")
public record EmployerData(
    @Schema(
            examples = "00743110157",
            description =
                "11-digit partita IVA / company tax code, or a sole trader's 16-character"
                    + " codice fiscale; the check character is verified")
        @NotBlank
        @Size(max = 20)
        String taxCode,
    @Schema(examples = "Acme Meccanica S.r.l.") @NotBlank @Size(max = 200) String name,
    @Schema(examples = "SRL") @NotNull LegalForm legalForm,
    @Schema(examples = "false", description = "Non-profit bodies host internships too") @NotNull
        Boolean nonProfit,
    @Schema(examples = "25.62.00", description = "ATECO 2025 activity code") @NotBlank
        String atecoCode,
    @Schema(examples = "083048", description = "ISTAT code of the municipality of the work site")
        @NotNull
        @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT municipality code")
        String siteMunicipality,
    @Schema(
            examples = "12",
            description = "Employees: sets how many interns the host may have at a time")
        @NotNull
        @Min(0)
        @Max(1_000_000)
        Integer employees,
    @Schema(description = "Company tutors") @NotEmpty @Size(max = 20) @Valid
        List<CompanyTutor> tutors,
    @Schema(
            examples = "HOST-ACME",
            description =
                "The host's own organisation in the realm: its users with the host role see this"
                    + " record and its interns")
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,99}", message = "must be an organisation id")
        String hostOrgId) {

  /** The same data with the tax code normalised. */
  public EmployerData normalised() {
    return new EmployerData(
        it.percorsi.placement.reference.TaxIds.normalise(taxCode),
        name == null ? null : name.strip(),
        legalForm,
        nonProfit,
        atecoCode == null ? null : atecoCode.strip(),
        siteMunicipality,
        employees,
        tutors,
        hostOrgId);
  }
}
