package it.percorsi.participant.resolution;

import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk tax code resolution, for placement-service's UNILAV notice import only. */
@Path("/participants/resolutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants")
@SecurityRequirement(name = "bearer")
public class ResolutionResource {

  private final ResolutionService service;
  private final CurrentCaller caller;

  public ResolutionResource(ResolutionService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @POST
  @RolesAllowed(Role.NOTICE_IMPORT)
  @Operation(
      operationId = "resolveTaxCodes",
      summary = "Resolve tax codes to participant ids",
      description =
          "Only for placement-service's notice import (role notice-import): up to 1000 tax codes,"
              + " current or past; answers only those that are a participant's, with its id."
              + " Audited with counts, never with the codes. Changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The matches",
      content = @Content(schema = @Schema(implementation = Resolution.Response.class)))
  public Resolution.Response resolve(@Valid @NotNull Resolution.Request request) {
    return new Resolution.Response(service.resolve(request.taxCodes(), caller.get()));
  }
}
