package it.percorsi.placement.hire;

import it.percorsi.placement.reference.ContractTypes;
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
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hires over HTTP. */
@Path("/hires")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "hires")
@SecurityRequirement(name = "bearer")
public class HireResource {

  private final HireService service;
  private final CurrentCaller caller;
  private final Creation creation;
  private final Paging paging;

  /** A page of {@code GET /hires}, as documented (the body is a {@code Page}). */
  @Schema(name = "HirePage")
  public record HirePage(
      List<HireView> items,
      @Schema(description = "Cursor of the next page; absent on the last") String next) {}

  public HireResource(HireService service, CurrentCaller caller, Creation creation, Paging paging) {
    this.service = service;
    this.caller = caller;
    this.creation = creation;
    this.paging = paging;
  }

  @POST
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR})
  @Operation(
      operationId = "recordHire",
      summary = "Record a hire",
      description =
          "By the case's promoter or a CPI operator of its province. The contract type is a"
              + " UNILAV code (GET /hires/contract-types); a fixed-term contract needs its end."
              + " Emits it.percorsi.placement.hire-recorded.v1. With an Idempotency-Key a retry"
              + " returns the first result.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = HireView.class)))
  public Response record(
      @Valid @NotNull RecordHire request,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    Caller c = caller.get();
    return creation.respond(
        c,
        idempotencyKey,
        uri,
        request,
        () -> {
          Hire h = service.record(request, c);
          return new Creation.Created(HireView.of(h), h.id.toString(), h.etag());
        },
        id -> service.get(UUID.fromString(id), c));
  }

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listHires",
      summary = "List hires",
      description = "Those the caller may see, oldest first; paged.")
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content = @Content(schema = @Schema(implementation = HirePage.class)))
  public Response list(
      @QueryParam("participantId") UUID participantId,
      @QueryParam(Paging.LIMIT) String limit,
      @QueryParam(Cursor.PARAM) String cursor,
      UriInfo uri) {
    PageRequest page = paging.fromQuery(limit, cursor, 2);
    return Paging.response(
        service.list(participantId, page, caller.get()), uri.getRequestUri(), page);
  }

  @GET
  @Path("/contract-types")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listContractTypes",
      summary = "The UNILAV contract type code list",
      description = "Code, family (for outcome figures), whether an end is required, meaning.")
  public Collection<ContractTypes.ContractType> contractTypes() {
    return ContractTypes.all().stream()
        .sorted(java.util.Comparator.comparing(ContractTypes.ContractType::code))
        .toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(operationId = "getHire", summary = "Read a hire")
  @APIResponse(
      responseCode = "200",
      description = "The hire",
      content = @Content(schema = @Schema(implementation = HireView.class)))
  public Response get(@PathParam("id") UUID id) {
    Hire h = service.get(id, caller.get());
    return Response.ok(HireView.of(h)).header(HttpHeaders.ETAG, h.etag()).build();
  }
}
