package it.percorsi.participant.resolution;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of {@code POST /participants/resolutions}. */
public final class Resolution {

  /** The most codes one request may ask about. */
  public static final int MAX_CODES = 1000;

  private Resolution() {}

  /** The tax codes to resolve. */
  @Schema(name = "TaxCodeResolutionRequest")
  public record Request(
      @Schema(description = "Tax codes (16 characters, or 11 digits when provisional)")
          @NotNull
          @Size(max = MAX_CODES)
          List<@NotNull @Size(max = 16) String> taxCodes) {}

  /** One tax code that is (or was) a participant's. */
  @Schema(name = "TaxCodeMatch")
  public record Match(String taxCode, UUID participantId) {}

  /** Only the codes that matched; the others are simply absent. */
  @Schema(name = "TaxCodeResolution")
  public record Response(List<Match> matches) {}
}
