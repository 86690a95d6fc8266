package it.percorsi.participant.participant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request to register a participant. Ownership comes from the caller's token, never the body. */
@Schema(name = "RegisterParticipant")
public record RegisterParticipant(
    @Schema(
            examples = "RSSMRA85T10A562S",
            description = "16-character tax code or 11-digit provisional one")
        @NotBlank
        String taxCode,
    @Schema(examples = "Amadou") @NotBlank @Size(max = 100) String givenName,
    @Schema(examples = "Diallo") @NotBlank @Size(max = 100) String familyName,
    @Schema(examples = "2007-03-14") @NotNull @Past LocalDate birthDate,
    @Schema(examples = "M", description = "F, M or X")
        @NotNull
        @Pattern(regexp = "[FMX]", message = "must be F, M or X")
        String sex,
    @Schema(examples = "GIN", description = "ISO 3166-1 alpha-3, XXA for stateless")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code")
        String nationality,
    @Schema(examples = "2023-06-02") @NotNull @PastOrPresent LocalDate arrivalDate,
    @Schema(examples = "true") @NotNull Boolean enteredAsUnaccompaniedMinor,
    @Schema(examples = "083", description = "ISTAT province code of residence")
        @NotNull
        @Pattern(regexp = "[0-9]{3}", message = "must be a 3-digit ISTAT province code")
        String residenceProvince) {}
