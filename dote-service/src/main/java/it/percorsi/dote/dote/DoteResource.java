package it.percorsi.dote.dote;

import it.percorsi.dote.ledger.Ledger;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.idempotency.StoredResponse;
import it.percorsi.platform.paging.Page;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.paging.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Dotes: promoters apply; everyone allowed reads; the agency revokes; extensions. */
@Path("/dotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "dotes")
@SecurityRequirement(name = "bearer")
public class DoteResource {

  private final DoteService service;
  private final DoteRepository dotes;
  private final Ledger ledger;
  private final CurrentCaller caller;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final Paging paging;

  public DoteResource(
      DoteService service,
      DoteRepository dotes,
      Ledger ledger,
      CurrentCaller caller,
      com.fasterxml.jackson.databind.ObjectMapper json,
      Paging paging) {
    this.service = service;
    this.dotes = dotes;
    this.ledger = ledger;
    this.caller = caller;
    this.json = json;
    this.paging = paging;
  }

  /** Extension request. */
  public record Extension(@NotNull @Min(1) @Max(24) Integer months) {}

  /** Revocation request. */
  public record Revocation(@NotBlank @Size(max = 500) String reason) {}

  @POST
  @RolesAllowed(Role.PROMOTER)
  public jakarta.ws.rs.core.Response apply(
      @Valid @NotNull ApplyForDote request,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      UriInfo uri) {
    DoteService.Applied applied =
        service.apply(
            request,
            caller.get(),
            authorization,
            idempotencyKey,
            d -> {
              try {
                return StoredResponse.created(
                    json.writeValueAsString(DoteView.of(d, List.of(), List.of())),
                    uri.getAbsolutePathBuilder().path(d.id.toString()).build(),
                    "\"" + d.version + "\"",
                    d.id.toString());
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            });
    return applied.answer().toResponse();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Transactional
  public RestResponse<DoteView> get(@PathParam("id") UUID id) {
    Dote d = service.get(id, caller.get());
    return RestResponse.ResponseBuilder.ok(
            DoteView.of(d, ledger.lines(d.id), ledger.disbursements(d.id)))
        .tag(new EntityTag(String.valueOf(d.version)))
        .build();
  }

  /**
   * Dotes the caller may see, oldest first, filtered; cursor paging with {@code Link: rel="next"}.
   */
  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Transactional
  public jakarta.ws.rs.core.Response list(
      @QueryParam("programme") String programme,
      @QueryParam("region") String region,
      @QueryParam("state") Dote.State state,
      @QueryParam("promoter") String promoter,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      UriInfo uri) {
    PageRequest page = paging.request(limit, cursor, 2);
    var c = caller.get();
    StringBuilder q = new StringBuilder("1 = 1");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (programme != null) {
      q.append(" and programmeCode = :programme");
      params.put("programme", programme);
    }
    if (region != null) {
      q.append(" and regionCode = :region");
      params.put("region", region);
    }
    if (state != null) {
      q.append(" and state = :state");
      params.put("state", state);
    }
    if (promoter != null) {
      q.append(" and promoterOrgId = :promoter");
      params.put("promoter", promoter);
    }
    if (!c.readsEverything()) {
      if (c.is(Role.PROMOTER)) {
        q.append(" and promoterOrgId = :own");
        params.put("own", c.orgId());
      } else {
        q.append(" and provinceCode in :provinces");
        params.put("provinces", c.provinces().isEmpty() ? List.of("---") : c.provinces());
      }
    }
    if (!page.first()) {
      java.time.Instant at;
      UUID after;
      try {
        at = java.time.Instant.parse(page.after().get(0));
        after = UUID.fromString(page.after().get(1));
      } catch (RuntimeException e) {
        throw it.percorsi.platform.problem.ProblemException.invalid(
            "cursor", "is not a cursor of this list");
      }
      q.append(" and (createdAt > :at or (createdAt = :at and id > :after))");
      params.put("at", at);
      params.put("after", after);
    }
    q.append(" order by createdAt, id");
    List<Dote> fetched = dotes.find(q.toString(), params).page(0, page.fetchSize()).list();
    return Paging.response(
        Page.of(
            fetched,
            page,
            d -> List.of(d.createdAt.toString(), d.id.toString()),
            d -> DoteView.of(d, List.of(), List.of())),
        uri.getRequestUri(),
        page);
  }

  @POST
  @Path("/{id}/extension")
  @RolesAllowed({Role.PROMOTER, Role.AGENCY_ADMIN})
  public DoteView extend(
      @PathParam("id") UUID id,
      @Valid @NotNull Extension request,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Dote d = service.extend(id, request.months(), caller.get(), ifMatch);
    return DoteView.of(d, List.of(), List.of());
  }

  @POST
  @Path("/{id}/revocation")
  @RolesAllowed(Role.AGENCY_ADMIN)
  public DoteView revoke(
      @PathParam("id") UUID id,
      @Valid @NotNull Revocation request,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Dote d = service.revoke(id, request.reason(), caller.get(), ifMatch);
    return DoteView.of(d, List.of(), List.of());
  }
}
