package it.percorsi.placement.internship;

import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Creation;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.paging.Cursor;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.paging.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internships over HTTP. Object-level access is in the service; writes answer with the ETag. */
@Path("/internships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "internships")
@SecurityRequirement(name = "bearer")
public class InternshipResource {

  private final InternshipService service;
  private final CurrentCaller caller;
  private final Creation creation;
  private final Paging paging;

  public InternshipResource(
      InternshipService service, CurrentCaller caller, Creation creation, Paging paging) {
    this.service = service;
    this.caller = caller;
    this.creation = creation;
    this.paging = paging;
  }

  /** A page of {@code GET /internships}, as documented (the body is a {@code Page}). */
  @Schema(name = "InternshipPage")
  public record InternshipPage(
      List<InternshipView> items,
      @Schema(description = "Cursor of the next page; absent on the last") String next) {}

  /** Body of {@code POST /internships/{id}/interruption}. */
  public record Interruption(
      @Schema(examples = "HIRED_BY_HOST") @NotNull InterruptionReason reason,
      @Schema(examples = "2027-02-12", description = "The last day; today when absent")
          LocalDate lastDay) {}

  @POST
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "startInternship",
      summary = "Start an internship",
      description =
          "For an active dote of the caller's organisation, at a registered host. The planned"
              + " end is the start plus the dote's internship months, minus a day. Refused when"
              + " the dote is not active (dote-not-active), the start is before its activation or"
              + " after its deadline, the participant has a running internship"
              + " (internship-running) or the host is at its limit of concurrent interns"
              + " (host-intern-limit). With an Idempotency-Key a retry returns the first result.")
  @APIResponse(
      responseCode = "201",
      description = "Started",
      content = @Content(schema = @Schema(implementation = InternshipView.class)))
  public Response start(
      @Valid @NotNull StartInternship request,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    Caller c = caller.get();
    return creation.respond(
        c,
        idempotencyKey,
        uri,
        request,
        () -> {
          Internship i = service.start(request, c);
          return new Creation.Created(InternshipView.of(i), i.id.toString(), i.etag());
        },
        id -> service.get(UUID.fromString(id), c));
  }

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST})
  @Operation(
      operationId = "listInternships",
      summary = "List internships",
      description = "Only those the caller may see (a host: its own interns), oldest first; paged.")
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content = @Content(schema = @Schema(implementation = InternshipPage.class)))
  public Response list(
      @QueryParam("doteId") UUID doteId,
      @QueryParam("employerId") UUID employerId,
      @QueryParam("participantId") UUID participantId,
      @Parameter(description = "STARTED, COMPLETED or INTERRUPTED") @QueryParam("state")
          InternshipState state,
      @Parameter(description = "ISTAT province of the dote", example = "083")
          @QueryParam("province")
          String province,
      @QueryParam(Paging.LIMIT) String limit,
      @QueryParam(Cursor.PARAM) String cursor,
      UriInfo uri) {
    PageRequest page = paging.fromQuery(limit, cursor, 2);
    InternshipRepository.Filter filter =
        new InternshipRepository.Filter(doteId, employerId, participantId, state, province);
    return Paging.response(service.list(filter, page, caller.get()), uri.getRequestUri(), page);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST})
  @Operation(
      operationId = "getInternship",
      summary = "Read an internship",
      description = "With its ETag.")
  @APIResponse(
      responseCode = "200",
      description = "The internship",
      content = @Content(schema = @Schema(implementation = InternshipView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(service.get(id, caller.get()));
  }

  @POST
  @Path("/{id}/completion")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "completeInternship",
      summary = "Complete an internship at its planned end",
      description =
          "From the planned end date on (internship-not-ended before). Emits"
              + " internship-completed with outcome COMPLETED. If-Match is checked when sent.")
  @APIResponse(
      responseCode = "200",
      description = "Completed",
      content = @Content(schema = @Schema(implementation = InternshipView.class)))
  public Response complete(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(service.complete(id, ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/interruption")
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "interruptInternship",
      summary = "Interrupt an internship early",
      description =
          "With a reason code (HIRED_BY_HOST, PARTICIPANT_WITHDREW, HOST_WITHDREW, OTHER) and the"
              + " last day. Emits internship-completed with outcome INTERRUPTED. If-Match is"
              + " checked when sent.")
  @APIResponse(
      responseCode = "200",
      description = "Interrupted",
      content = @Content(schema = @Schema(implementation = InternshipView.class)))
  public Response interrupt(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull Interruption request) {
    return withEtag(
        service.interrupt(id, ifMatch, request.reason(), request.lastDay(), caller.get()));
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getInternshipHistory",
      summary = "Audit trail of an internship",
      description = "Who, when, what kind of change and which fields; not for host users.")
  public List<AuditTrail.Change> history(@PathParam("id") UUID id) {
    return service.history(id, caller.get());
  }

  private static Response withEtag(Internship i) {
    return Response.ok(InternshipView.of(i)).header(HttpHeaders.ETAG, i.etag()).build();
  }
}
