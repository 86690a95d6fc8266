package it.percorsi.participant.participant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The participant registry over HTTP. Object-level access is in the service: a participant the
 * caller may not see is a 404. Writes answer with the new {@code ETag}.
 */
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants")
@SecurityRequirement(name = "bearer")
public class ParticipantResource {

  private final ParticipantService service;
  private final CurrentCaller caller;
  private final Creation creation;
  private final Paging paging;
  private final ObjectMapper mapper;

  public ParticipantResource(
      ParticipantService service,
      CurrentCaller caller,
      Creation creation,
      Paging paging,
      ObjectMapper mapper) {
    this.service = service;
    this.caller = caller;
    this.creation = creation;
    this.paging = paging;
    this.mapper = mapper;
  }

  /** A page of {@code GET /participants}, as documented (the body is a {@code Page}). */
  @Schema(name = "ParticipantPage")
  public record ParticipantPage(
      List<ParticipantSummary> items,
      @Schema(description = "Cursor of the next page; absent on the last") String next) {}

  /** Body of {@code POST /participants/{id}/consent-withdrawal}. */
  public record ConsentWithdrawal(
      @Schema(examples = "2026-11-27", description = "Defaults to today") LocalDate date) {}

  /** Body of {@code POST /participants/{id}/ownership-transfers}. */
  public record OwnershipTransfer(
      @Schema(examples = "ORG-PROMOTER-B")
          @NotNull
          @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,99}", message = "must be an organisation id")
          String toOrgId) {}

  @POST
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "registerParticipant",
      summary = "Register a participant",
      description =
          "The caller's organisation owns the case. With an Idempotency-Key a retry returns the"
              + " first result (Idempotent-Replayed: true); the same key with another body is a"
              + " 422. The same tax code again is a 409 naming the existing id only if the caller"
              + " may see it.")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = ParticipantView.class)))
  public Response register(
      @Valid @NotNull ParticipantData request,
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
          Participant p = service.register(request, c);
          return new Creation.Created(service.view(p), p.id.toString(), p.etag());
        },
        id -> service.get(UUID.fromString(id), c));
  }

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listParticipants",
      summary = "List participants",
      description =
          "Only participants the caller may see, in order of registration. Filters combine with"
              + " AND; ages are completed years today. Paged: the next page is in the body's"
              + " 'next' and in Link rel=\"next\"; limit is capped.")
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content = @Content(schema = @Schema(implementation = ParticipantPage.class)))
  public Response list(
      @Parameter(description = "ISTAT province code of residence") @QueryParam("province")
          String province,
      @Parameter(description = "ISTAT region code of residence") @QueryParam("region")
          String region,
      @Parameter(description = "NEVER_EMPLOYED, UNEMPLOYED or EMPLOYED")
          @QueryParam("employmentStatus")
          String employmentStatus,
      @Parameter(
              description = "Entered Italy as an unaccompanied minor",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("enteredAsMinor")
          String enteredAsMinor,
      @Parameter(
              description = "Completed years today, at least",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
          @QueryParam("minAge")
          String minAge,
      @Parameter(
              description = "Completed years today, at most",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
          @QueryParam("maxAge")
          String maxAge,
      @Parameter(description = "Registering organisation") @QueryParam("registeredBy")
          String registeredBy,
      @Parameter(description = "Owning organisation") @QueryParam("owner") String owner,
      @Parameter(description = "ACTIVE or ERASED") @QueryParam("status") String status,
      @QueryParam("taxCode") String taxCode,
      @QueryParam(Paging.LIMIT) String limit,
      @QueryParam(Cursor.PARAM) String cursor,
      UriInfo uri) {
    ParticipantFilter filter =
        ParticipantFilter.parse(
            province,
            region,
            employmentStatus,
            enteredAsMinor,
            minAge,
            maxAge,
            registeredBy,
            owner,
            status,
            taxCode);
    PageRequest page = paging.fromQuery(limit, cursor, 2);
    return Paging.response(service.list(filter, page, caller.get()), uri.getRequestUri(), page);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getParticipant",
      summary = "Read a participant",
      description = "With its ETag, for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The participant",
      content = @Content(schema = @Schema(implementation = ParticipantView.class)))
  public Response get(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Participant p = service.get(id, caller.get());
    if (p.etag().equals(ifNoneMatch)) {
      return Response.notModified().header(HttpHeaders.ETAG, p.etag()).build();
    }
    return withEtag(p);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "reviseParticipant",
      summary = "Change a participant (JSON Merge Patch)",
      description =
          "RFC 7396 on the fields of ParticipantData: a member sets a field, null removes it."
              + " If-Match with the ETag read is required (428 without, 412 when stale). A"
              + " provisional tax code may be replaced by the definitive one; fields that set"
              + " ownership are refused. The audit trail records who changed which fields.")
  @RequestBody(
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ParticipantData.class)))
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content = @Content(schema = @Schema(implementation = ParticipantView.class)))
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response revise(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
    return withEtag(service.revise(id, ifMatch, patch(body), caller.get()));
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getParticipantHistory",
      summary = "Audit trail of a participant",
      description =
          "Who (subject, client, organisation), when, what kind of change, which fields;"
              + " never the values.")
  public List<HistoryEntry> history(@PathParam("id") UUID id) {
    return service.history(id, caller.get());
  }

  @GET
  @Path("/{id}/export")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "exportParticipant",
      summary = "Export everything held about a participant",
      description = "For the data subject's rights of access and portability.")
  @APIResponse(
      responseCode = "200",
      description = "Everything held, as an attachment",
      content = @Content(schema = @Schema(implementation = ParticipantExport.class)))
  public Response export(@PathParam("id") UUID id) {
    return Response.ok(service.export(id, caller.get()))
        .header("Content-Disposition", "attachment; filename=\"participant-" + id + ".json\"")
        .build();
  }

  @POST
  @Path("/{id}/consent-withdrawal")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "withdrawParticipantConsent",
      summary = "Withdraw consent",
      description = "From then on no dote may be assigned. If-Match is checked when sent.")
  @APIResponse(
      responseCode = "200",
      description = "Consent withdrawn",
      content = @Content(schema = @Schema(implementation = ParticipantView.class)))
  public Response withdrawConsent(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid ConsentWithdrawal request) {
    LocalDate date = request == null ? null : request.date();
    return withEtag(service.withdrawConsent(id, date, ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/ownership-transfers")
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "transferParticipantOwnership",
      summary = "Transfer the case to another organisation (agency only)")
  @APIResponse(
      responseCode = "200",
      description = "Transferred",
      content = @Content(schema = @Schema(implementation = ParticipantView.class)))
  public Response transfer(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull OwnershipTransfer request) {
    return withEtag(service.transfer(id, request.toOrgId(), ifMatch, caller.get()));
  }

  @POST
  @Path("/{id}/erasure")
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "eraseParticipant",
      summary = "Erase a participant's personal data (agency only)",
      description =
          "Keeps the id and the non-identifying facts financial audit needs; removes personal"
              + " fields from the record, the export and stored answers; emits"
              + " participant.erased once.")
  @APIResponse(
      responseCode = "200",
      description = "Erased",
      content = @Content(schema = @Schema(implementation = ParticipantView.class)))
  public Response erase(@PathParam("id") UUID id) {
    return withEtag(service.erase(id, caller.get()));
  }

  private Response withEtag(Participant p) {
    return Response.ok(service.view(p)).header(HttpHeaders.ETAG, p.etag()).build();
  }

  private JsonNode patch(String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.invalid("body", "must be a JSON object (RFC 7396 merge patch)");
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(e);
    }
  }
}
