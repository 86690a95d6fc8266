package it.percorsi.placement.followup;

import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.paging.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Follow-up checkpoints of internships. */
@Path("/internships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "internships")
@SecurityRequirement(name = "bearer")
public class FollowUpResource {

  private final FollowUpService service;
  private final CurrentCaller caller;

  public FollowUpResource(FollowUpService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  /** Body of {@code PUT /internships/{id}/follow-ups/{months}}. */
  public record FollowUpStatus(
      @Schema(examples = "true") @NotNull Boolean employed,
      @Schema(examples = "A.02.00", description = "UNILAV contract type, when employed")
          String contractType) {}

  @GET
  @Path("/follow-ups")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listFollowUps",
      summary = "Follow-up checkpoints by status",
      description =
          "WAITING (default): due, with no hire known, waiting for the promoter to record the"
              + " status; the caller's cases only, earliest due first.")
  public List<FollowUpView> list(
      @Parameter(description = "SCHEDULED, WAITING or RECORDED")
          @QueryParam("status")
          @DefaultValue("WAITING")
          FollowUp.Status status,
      @Parameter(description = "At least 1, at most 500 (higher is lowered), default 200")
          @QueryParam("limit")
          String limit) {
    return service.list(status, caller.get(), Paging.limit(limit, 200, 500)).stream()
        .map(FollowUpView::of)
        .toList();
  }

  @GET
  @Path("/{id}/follow-ups")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listInternshipFollowUps",
      summary = "The follow-up checkpoints of an internship (after it ended)")
  public List<FollowUpView> of(@PathParam("id") UUID id) {
    return service.of(id, caller.get()).stream().map(FollowUpView::of).toList();
  }

  @PUT
  @Path("/{id}/follow-ups/{months}")
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "recordFollowUp",
      summary = "Record the employment status at a due checkpoint",
      description =
          "By the internship's promoter, for a checkpoint (1, 3, 6, 12 months) that is due and"
              + " not derived from a hire. Emits follow-up-recorded.")
  @APIResponse(
      responseCode = "200",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = FollowUpView.class)))
  public Response record(
      @PathParam("id") UUID id,
      @PathParam("months") int months,
      @Valid @NotNull FollowUpStatus body) {
    FollowUp f = service.record(id, months, body.employed(), body.contractType(), caller.get());
    return Response.ok(FollowUpView.of(f)).header(HttpHeaders.ETAG, f.etag()).build();
  }
}
