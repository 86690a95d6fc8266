package it.percorsi.dote.programme;

import it.percorsi.platform.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Programmes: the agency defines and publishes them; every authenticated caller reads them. */
@Path("/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "programmes")
@SecurityRequirement(name = "bearer")
public class ProgrammeResource {

  private final ProgrammeService service;

  public ProgrammeResource(ProgrammeService service) {
    this.service = service;
  }

  @POST
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(operationId = "createProgramme", summary = "Define a programme (agency)")
  @APIResponse(
      responseCode = "201",
      description = "Defined, not yet published",
      content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
  public RestResponse<ProgrammeView> create(@Valid @NotNull ProgrammeRequest request, UriInfo uri) {
    Programme p = service.create(request);
    return RestResponse.ResponseBuilder.<ProgrammeView>created(
            uri.getAbsolutePathBuilder().path(p.code).build())
        .entity(ProgrammeView.of(p, service.quotas(p.code)))
        .build();
  }

  @POST
  @Path("/{code}/publication")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "publishProgramme",
      summary = "Publish a programme (agency): promoters may then apply under it")
  public ProgrammeView publish(@PathParam("code") String code) {
    Programme p = service.publish(code);
    return ProgrammeView.of(p, service.quotas(code));
  }

  @GET
  @RolesAllowed({
    Role.AGENCY_ADMIN,
    Role.CPI_OPERATOR,
    Role.PROMOTER,
    Role.HOST,
    Role.AUDITOR,
    Role.INTEGRATOR
  })
  @Operation(operationId = "listProgrammes", summary = "List programmes")
  public List<ProgrammeView> list() {
    return service.list().stream().map(p -> ProgrammeView.of(p, service.quotas(p.code))).toList();
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({
    Role.AGENCY_ADMIN,
    Role.CPI_OPERATOR,
    Role.PROMOTER,
    Role.HOST,
    Role.AUDITOR,
    Role.INTEGRATOR
  })
  @Operation(operationId = "getProgramme", summary = "Read a programme with its quotas")
  public ProgrammeView get(@PathParam("code") String code) {
    return ProgrammeView.of(service.get(code), service.quotas(code));
  }

  @GET
  @Path("/{code}/quotas")
  @RolesAllowed({
    Role.AGENCY_ADMIN,
    Role.CPI_OPERATOR,
    Role.PROMOTER,
    Role.AUDITOR,
    Role.INTEGRATOR
  })
  @Operation(
      operationId = "getProgrammeQuotas",
      summary = "Regional quotas of a programme: total, assigned, active, available")
  public List<ProgrammeView.QuotaView> quotas(@PathParam("code") String code) {
    return service.quotaViews(code);
  }
}
