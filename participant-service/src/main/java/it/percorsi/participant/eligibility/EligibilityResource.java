package it.percorsi.participant.eligibility;

import it.percorsi.participant.participant.Participant;
import it.percorsi.participant.participant.ParticipantService;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Eligibility checks: the one synchronous call between services. dote-service forwards the
 * promoter's token, so the promoter must be able to see the participant.
 */
@Path("/participants/{id}/eligibility-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants")
@SecurityRequirement(name = "bearer")
public class EligibilityResource {

  private final ParticipantService participants;
  private final CurrentCaller caller;

  public EligibilityResource(ParticipantService participants, CurrentCaller caller) {
    this.participants = participants;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "checkParticipantEligibility",
      summary = "Check a programme's criteria for a participant",
      description =
          "Each criterion's result with a reason; no personal data in the answer. Creates"
              + " nothing, so it answers 200.")
  public EligibilityResult check(
      @PathParam("id") UUID id, @Valid @NotNull EligibilityCriteria criteria) {
    Participant p = participants.get(id, caller.get());
    criteria.requireSound();
    p.requireNotErased();
    return Eligibility.evaluate(p, criteria);
  }
}
