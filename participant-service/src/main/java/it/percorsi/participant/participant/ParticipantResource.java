package it.percorsi.participant.participant;

import it.percorsi.platform.caller.CurrentCaller;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants")
@SecurityRequirement(name = "bearer")
public class ParticipantResource {

  private final ParticipantService service;
  private final CurrentCaller caller;

  public ParticipantResource(ParticipantService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN})
  public RestResponse<ParticipantView> register(
      @Valid @NotNull RegisterParticipant request, UriInfo uri) {
    Participant p = service.register(request, caller.get());
    return RestResponse.ResponseBuilder.<ParticipantView>created(
            uri.getAbsolutePathBuilder().path(p.id.toString()).build())
        .entity(ParticipantView.of(p))
        .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(p.version)))
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  public RestResponse<ParticipantView> get(@PathParam("id") UUID id) {
    Participant p = service.get(id, caller.get());
    return RestResponse.ResponseBuilder.ok(ParticipantView.of(p))
        .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(p.version)))
        .build();
  }
}
