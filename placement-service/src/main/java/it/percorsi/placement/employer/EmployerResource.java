package it.percorsi.placement.employer;

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
import jakarta.ws.rs.PUT;
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

/** Host organisations over HTTP. Writes answer with the new {@code ETag}. */
@Path("/employers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "employers")
@SecurityRequirement(name = "bearer")
public class EmployerResource {

  private final EmployerService service;
  private final CurrentCaller caller;
  private final Creation creation;
  private final Paging paging;

  /** A page of {@code GET /employers}, as documented (the body is a {@code Page}). */
  @Schema(name = "EmployerPage")
  public record EmployerPage(
      List<EmployerView> items,
      @Schema(description = "Cursor of the next page; absent on the last") String next) {}

  public EmployerResource(
      EmployerService service, CurrentCaller caller, Creation creation, Paging paging) {
    this.service = service;
    this.caller = caller;
    this.creation = creation;
    this.paging = paging;
  }

  @POST
  @RolesAllowed({Role.PROMOTER, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "registerEmployer",
      summary = "Register a host organisation",
      description =
          "One record per tax code: the same tax code again is a 409 naming the existing id to a"
              + " caller who may see it. With an Idempotency-Key a retry returns the first result.")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = EmployerView.class)))
  public Response register(
      @Valid @NotNull EmployerData request,
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
          Employer e = service.register(request, c);
          return new Creation.Created(EmployerView.of(e), e.id.toString(), e.etag());
        },
        id -> service.get(UUID.fromString(id), c));
  }

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST})
  @Operation(
      operationId = "listEmployers",
      summary = "List host organisations",
      description =
          "Those the caller may see (a host user: its own), in order of registration. Paged:"
              + " the next page is in the body's 'next' and in Link rel=\"next\".")
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content = @Content(schema = @Schema(implementation = EmployerPage.class)))
  public Response list(
      @Parameter(description = "Tax code", example = "00743110157") @QueryParam("taxCode")
          String taxCode,
      @Parameter(description = "ISTAT province of the site", example = "083")
          @QueryParam("province")
          String province,
      @Parameter(description = "The host's own organisation", example = "HOST-ACME")
          @QueryParam("hostOrgId")
          String hostOrgId,
      @Parameter(description = "ATECO division (2 digits)", example = "25")
          @QueryParam("atecoDivision")
          String atecoDivision,
      @QueryParam(Paging.LIMIT) String limit,
      @QueryParam(Cursor.PARAM) String cursor,
      UriInfo uri) {
    PageRequest page = paging.fromQuery(limit, cursor, 2);
    EmployerRepository.Filter filter =
        new EmployerRepository.Filter(
            taxCode == null ? null : it.percorsi.placement.reference.TaxIds.normalise(taxCode),
            province,
            hostOrgId,
            atecoDivision);
    return Paging.response(service.list(filter, page, caller.get()), uri.getRequestUri(), page);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST})
  @Operation(
      operationId = "getEmployer",
      summary = "Read a host organisation",
      description = "With its ETag, for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The employer",
      content = @Content(schema = @Schema(implementation = EmployerView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(service.get(id, caller.get()));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "replaceEmployer",
      summary = "Change a host organisation",
      description =
          "The whole record as in POST; the tax code cannot change. If-Match with the ETag read"
              + " is required (428 without, 412 when stale). The audit trail records who changed"
              + " which fields.")
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content = @Content(schema = @Schema(implementation = EmployerView.class)))
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response replace(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull EmployerData request) {
    return withEtag(service.replace(id, ifMatch, request, caller.get()));
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getEmployerHistory",
      summary = "Audit trail of a host organisation",
      description = "Who (subject, client, organisation), when, which fields; never the values.")
  public List<AuditTrail.Change> history(@PathParam("id") UUID id) {
    return service.history(id, caller.get());
  }

  private static Response withEtag(Employer e) {
    return Response.ok(EmployerView.of(e)).header(HttpHeaders.ETAG, e.etag()).build();
  }
}
