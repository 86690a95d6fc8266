package it.percorsi.dote.dote;

import it.percorsi.dote.ledger.Ledger;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Creation;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.paging.Cursor;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.paging.Paging;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dotes over HTTP: promoters apply and ask for extensions; the agency decides extensions and
 * revokes; whoever may see a dote reads it. Object-level access is in the service: a dote the
 * caller may not see is a 404. This class owns idempotency and rendering; it holds no rule.
 */
@Path("/dotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "dotes")
@SecurityRequirement(name = "bearer")
public class DoteResource {

  private final DoteService service;
  private final Ledger ledger;
  private final CurrentCaller caller;
  private final Creation creation;
  private final Paging paging;
  private final DoteMetrics metrics;

  public DoteResource(
      DoteService service,
      Ledger ledger,
      CurrentCaller caller,
      Creation creation,
      Paging paging,
      DoteMetrics metrics) {
    this.metrics = metrics;
    this.service = service;
    this.ledger = ledger;
    this.caller = caller;
    this.creation = creation;
    this.paging = paging;
  }

  /** A page of {@code GET /dotes}, as documented (the body is a {@code Page}). */
  @Schema(name = "DotePage")
  public record DotePage(
      List<DoteView> items,
      @Schema(description = "Cursor of the next page; absent on the last") String next) {}

  /** Body of {@code POST /dotes/{id}/extension}: the promoter's request. */
  public record ExtensionRequest(
      @Schema(examples = "3") @NotNull @Min(1) @Max(24) Integer months) {}

  /** Body of {@code POST /dotes/{id}/extension/refusal}. */
  public record ExtensionRefusal(@NotNull Dote.ExtensionRefusal reasonCode) {}

  /** Body of {@code POST /dotes/{id}/revocation}. */
  public record Revocation(
      @NotNull Dote.RevocationReason reasonCode,
      @Schema(description = "Free text kept on the record only, never published") @Size(max = 500)
          String reason) {}

  @POST
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "applyForDote",
      summary = "Apply for a dote",
      description =
          "Checks the programme's window, the planned internship start (today to the start"
              + " deadline), the participant's region, eligibility (asked of"
              + " participant-service), then reserves first come first served. With an"
              + " Idempotency-Key a retry returns the first answer without asking"
              + " participant-service again.")
  @APIResponse(
      responseCode = "201",
      description = "Assigned",
      content = @Content(schema = @Schema(implementation = DoteView.class)))
  public Response apply(
      @Valid @NotNull ApplyForDote request,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Parameter(description = "Any unique string, up to 255 visible ASCII characters")
          @HeaderParam(Idempotency.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    Caller c = caller.get();
    return creation.respond(
        c,
        idempotencyKey,
        uri,
        request,
        () -> {
          Dote d;
          try {
            d = service.apply(request, c, authorization);
          } catch (ProblemException e) {
            metrics.refused(e);
            throw e;
          }
          metrics.assigned();
          return new Creation.Created(DoteView.of(d), d.id.toString(), d.etag());
        },
        id -> service.get(UUID.fromString(id), c));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getDote",
      summary = "Read a dote with its ledger",
      description = "With its ETag, for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The dote",
      content = @Content(schema = @Schema(implementation = DoteView.class)))
  public Response get(@PathParam("id") UUID id) {
    Dote d = service.get(id, caller.get());
    return Response.ok(DoteView.of(d, ledger.lines(d.id), ledger.disbursements(d.id)))
        .header(HttpHeaders.ETAG, d.etag())
        .build();
  }

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listDotes",
      summary = "List dotes",
      description =
          "Only dotes the caller may see, in order of assignment. Filters combine with AND."
              + " Paged: the next page is in the body's 'next' and in Link rel=\"next\".")
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content = @Content(schema = @Schema(implementation = DotePage.class)))
  public Response list(
      @Parameter(description = "Programme code") @QueryParam("programme") String programme,
      @Parameter(description = "ISTAT region code") @QueryParam("region") String region,
      @Parameter(description = "ISTAT province code") @QueryParam("province") String province,
      @Parameter(description = "ASSIGNED, ACTIVE, EXTENDED, COMPLETED, REVOKED or EXPIRED")
          @QueryParam("state")
          String state,
      @Parameter(description = "Promoter organisation") @QueryParam("promoter") String promoter,
      @QueryParam(Paging.LIMIT) String limit,
      @QueryParam(Cursor.PARAM) String cursor,
      UriInfo uri) {
    DoteFilter filter = DoteFilter.parse(programme, region, province, state, promoter);
    PageRequest page = paging.fromQuery(limit, cursor, 2);
    return Paging.response(
        service.list(filter, page, caller.get(), DoteView::of), uri.getRequestUri(), page);
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getDoteHistory",
      summary = "Who did what to a dote",
      description =
          "Extension requests and decisions, revocation, activation, completion, expiry and"
              + " payment confirmations, each with who (subject, client, organisation) and when.")
  public List<AuditTrail.Change> history(@PathParam("id") UUID id) {
    return service.history(id, caller.get());
  }

  @POST
  @Path("/{id}/extension")
  @RolesAllowed({Role.PROMOTER, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "requestDoteExtension",
      summary = "Request an extension (\"dote plus\")",
      description =
          "The dote's promoter asks for more months, within the programme's limit; the agency"
              + " approves or refuses. If-Match is checked when sent.")
  @APIResponse(
      responseCode = "200",
      description = "Extension requested",
      content = @Content(schema = @Schema(implementation = DoteView.class)))
  public Response requestExtension(
      @PathParam("id") UUID id,
      @Valid @NotNull ExtensionRequest request,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(service.requestExtension(id, request.months(), ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/extension/approval")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "approveDoteExtension",
      summary = "Approve the requested extension (agency)",
      description = "Grows the allowance line; emits dote.extended.")
  @APIResponse(
      responseCode = "200",
      description = "Extension approved",
      content = @Content(schema = @Schema(implementation = DoteView.class)))
  public Response approveExtension(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(service.approveExtension(id, ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/extension/refusal")
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "refuseDoteExtension",
      summary = "Refuse the requested extension (agency)")
  @APIResponse(
      responseCode = "200",
      description = "Extension refused",
      content = @Content(schema = @Schema(implementation = DoteView.class)))
  public Response refuseExtension(
      @PathParam("id") UUID id,
      @Valid @NotNull ExtensionRefusal request,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(service.refuseExtension(id, request.reasonCode(), ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/revocation")
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "revokeDote",
      summary = "Revoke a dote (agency)",
      description =
          "With a reason code (published) and optional free text (kept on the record only); a"
              + " reserved place returns to the quota.")
  @APIResponse(
      responseCode = "200",
      description = "Revoked",
      content = @Content(schema = @Schema(implementation = DoteView.class)))
  public Response revoke(
      @PathParam("id") UUID id,
      @Valid @NotNull Revocation request,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(
        service.revoke(id, request.reasonCode(), request.reason(), ifMatch, caller.get()));
  }

  private Response withEtag(Dote d) {
    return Response.ok(DoteView.of(d)).header(HttpHeaders.ETAG, d.etag()).build();
  }
}
