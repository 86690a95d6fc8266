package it.percorsi.plan.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.idempotency.StoredResponse;
import it.percorsi.platform.paging.Cursor;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.paging.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Personalised intervention plans over HTTP. A plan the caller may not see is a 404; reads carry
 * the plan's ETag and changes check If-Match (required to write the content, checked when sent on
 * actions).
 */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
@SecurityRequirement(name = "bearer")
public class PlanResource {

  static final String JSON_PATCH = "application/json-patch+json";

  private final PlanService service;
  private final CurrentCaller caller;
  private final Idempotency idempotency;
  private final Paging paging;
  private final ObjectMapper mapper;

  public PlanResource(
      PlanService service,
      CurrentCaller caller,
      Idempotency idempotency,
      Paging paging,
      ObjectMapper mapper) {
    this.service = service;
    this.caller = caller;
    this.idempotency = idempotency;
    this.paging = paging;
    this.mapper = mapper;
  }

  /** A page of {@code GET /plans}, as documented (the body is a {@code Page}). */
  @Schema(name = "PlanPage")
  public record PlanPage(
      List<PlanSummary> items,
      @Schema(description = "Cursor of the next page; absent on the last") String next) {}

  /** One operation of an RFC 6902 JSON Patch, as documented. */
  @Schema(name = "PatchOperation")
  public record PatchOperation(
      @Schema(
              required = true,
              enumeration = {"add", "remove", "replace", "move", "copy", "test"})
          String op,
      @Schema(required = true, examples = "/activities/1/plannedHours") String path,
      @Schema(description = "The new value (add, replace, test): any JSON value") Object value,
      @Schema(description = "The source (move, copy)") String from) {}

  /** Body of {@code POST /plans/{id}/return}. */
  public record Return(
      @Schema(examples = "[\"ACTIVITIES_NOT_SUITABLE\"]") @NotEmpty @Size(max = 7)
          List<@NotNull ReturnReason> reasons,
      @Schema(
              examples = "Add job-search support after the internship",
              description = "For the promoter; stays in plan-service, never on the bus")
          @Size(max = 2000)
          String note) {}

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listPlans",
      summary = "List plans",
      description =
          "Only plans the caller may see, in order of opening. Filters combine with AND. Paged:"
              + " the next page is in the body's 'next' and in Link rel=\"next\".")
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content = @Content(schema = @Schema(implementation = PlanPage.class)))
  public Response list(
      @Parameter(description = "The dote's id") @QueryParam("doteId") String doteId,
      @Parameter(description = "The participant's id") @QueryParam("participantId")
          String participantId,
      @Parameter(description = "DRAFT, SUBMITTED, RETURNED, APPROVED or CLOSED")
          @QueryParam("state")
          String state,
      @Parameter(description = "Owning promoter organisation", example = "ORG-PROMOTER-A")
          @QueryParam("promoter")
          String promoter,
      @QueryParam(Paging.LIMIT) String limit,
      @QueryParam(Cursor.PARAM) String cursor,
      UriInfo uri) {
    PlanFilter filter = PlanFilter.parse(doteId, participantId, state, promoter);
    PageRequest page = paging.fromQuery(limit, cursor, 2);
    return Paging.response(service.list(filter, page, caller.get()), uri.getRequestUri(), page);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getPlan",
      summary = "Read a plan",
      description = "The current version with its content, and the plan's ETag for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The plan",
      content = @Content(schema = @Schema(implementation = PlanView.class)))
  public Response get(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Plan p = service.get(id, caller.get());
    if (p.etag().equals(ifNoneMatch)) {
      return Response.notModified().header(HttpHeaders.ETAG, p.etag()).build();
    }
    return withEtag(p);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "writePlan",
      summary = "Write the plan (the owning promoter)",
      description =
          "Replaces the content of the current version, which must be a draft or returned."
              + " If-Match with the ETag read is required (428 without, 412 when stale). A draft"
              + " may be incomplete; submission checks completeness. Keep each activity's"
              + " activityId when rewriting; costs are set from the catalogue.")
  @APIResponse(
      responseCode = "200",
      description = "Written",
      content = @Content(schema = @Schema(implementation = PlanView.class)))
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response write(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PlanContent content) {
    return withEtag(service.write(id, ifMatch, content, caller.get()));
  }

  @POST
  @Path("/{id}/submission")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "submitPlan",
      summary = "Submit the plan for approval (the owning promoter)",
      description =
          "Refused (422, plan-incomplete) naming every missing piece as a field error: at least"
              + " one activity, activities within the dote's period, hours within the"
              + " catalogue's limit, promoter services within the dote's budget, internship start"
              + " by the deadline, 20-30 weekly hours, the participant's acceptance and, for a"
              + " minor, the guardian's signature. Emits plan.submitted.")
  @APIResponse(
      responseCode = "200",
      description = "Submitted",
      content = @Content(schema = @Schema(implementation = PlanView.class)))
  public Response submit(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(service.submit(id, ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/approval")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed({Role.AGENCY_ADMIN, Role.CPI_OPERATOR})
  @Operation(
      operationId = "approvePlan",
      summary = "Approve the submitted version (agency, or a CPI operator of the province)",
      description =
          "The version comes into force (the one before is superseded); emits plan.approved, on"
              + " which dote-service activates the dote. A dote that expired, was revoked or"
              + " completed meanwhile is a 409 plan-closed.")
  @APIResponse(
      responseCode = "200",
      description = "Approved",
      content = @Content(schema = @Schema(implementation = PlanView.class)))
  public Response approve(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(service.approve(id, ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/return")
  @RolesAllowed({Role.AGENCY_ADMIN, Role.CPI_OPERATOR})
  @Operation(
      operationId = "returnPlan",
      summary = "Return the submitted version to the promoter with reasons",
      description = "Emits plan.returned with the reason codes; the note stays here.")
  @APIResponse(
      responseCode = "200",
      description = "Returned",
      content = @Content(schema = @Schema(implementation = PlanView.class)))
  public Response returnToPromoter(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull Return request) {
    return withEtag(
        service.returnToPromoter(id, ifMatch, request.reasons(), request.note(), caller.get()));
  }

  @POST
  @Path("/{id}/amendments")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "amendPlan",
      summary = "Amend an approved plan (the owning promoter)",
      description =
          "Opens version n+1 as a draft with the content of version n, which stays in force"
              + " until the new one is approved. With an Idempotency-Key a retry returns the first"
              + " result. Emits plan.amended.")
  @APIResponse(
      responseCode = "201",
      description = "The new draft version; Location names it",
      content = @Content(schema = @Schema(implementation = PlanView.class)))
  public Response amend(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(description = "Any unique string, up to 255 visible ASCII characters")
          @HeaderParam(Idempotency.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    Caller c = caller.get();
    String fingerprint = idempotency.fingerprint("POST", uri.getPath(), "");
    StoredResponse answer =
        idempotency.once(
            c,
            idempotencyKey,
            fingerprint,
            () -> {
              Plan p = service.amend(id, ifMatch, c);
              URI location =
                  uri.getBaseUriBuilder()
                      .path("plans")
                      .path(p.id.toString())
                      .path("versions")
                      .path(Integer.toString(p.currentVersion))
                      .build();
              return idempotency.created(service.view(p), location, p.etag(), p.id.toString());
            });
    return answer.toResponse();
  }

  @GET
  @Path("/{id}/versions")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listPlanVersions",
      summary = "The versions of a plan",
      description = "Oldest first, each with its state, content and who did what and when.")
  public List<VersionView> versions(@PathParam("id") UUID id) {
    return service.versions(id, caller.get());
  }

  @GET
  @Path("/{id}/versions/{n}/changes")
  @Produces({JSON_PATCH, MediaType.APPLICATION_JSON})
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getPlanVersionChanges",
      summary = "What changed in version n",
      description =
          "An RFC 6902 JSON Patch that turns version n-1's content into version n's (version 1:"
              + " from the empty draft).")
  @APIResponse(
      responseCode = "200",
      description = "The patch",
      content =
          @Content(
              mediaType = JSON_PATCH,
              schema = @Schema(type = SchemaType.ARRAY, implementation = PatchOperation.class),
              examples =
                  @ExampleObject(
                      name = "hours changed",
                      value =
                          "[{\"op\":\"replace\",\"path\":\"/activities/1/plannedHours\","
                              + "\"value\":20}]")))
  public Response changes(@PathParam("id") UUID id, @PathParam("n") int number) {
    JsonNode patch = service.changes(id, number, caller.get());
    return Response.ok(json(patch), JSON_PATCH).build();
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getPlanHistory",
      summary = "Audit trail of a plan",
      description =
          "Who (subject, client, organisation), when, what kind of change, on which version,"
              + " and what it touched (sections, reason codes, delivery ids); never free text.")
  public List<HistoryEntry> history(@PathParam("id") UUID id) {
    return service.history(id, caller.get());
  }

  private Response withEtag(Plan p) {
    return Response.ok(service.view(p)).header(HttpHeaders.ETAG, p.etag()).build();
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the response", e);
    }
  }
}
