package it.percorsi.platform.projection.participant;

import it.percorsi.platform.caller.Role;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What this service has learnt about participants, for operators checking event flow. */
@Path("/internal/projections/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "internal")
@RolesAllowed({Role.AGENCY_ADMIN, Role.AUDITOR})
public class ParticipantProjectionResource {

  /** The projected facts of one participant. */
  public record View(
      UUID participantId,
      String regionCode,
      String provinceCode,
      String nationality,
      boolean enteredAsUnaccompaniedMinor,
      String ownerOrgId,
      LocalDate registeredOn,
      String employmentStatus,
      boolean consentGiven,
      boolean erased,
      String lastEventId,
      Instant lastEventAt) {}

  /** How many participants are projected. */
  public record Count(long participants) {}

  @GET
  @Operation(operationId = "countProjectedParticipants", summary = "Participants projected here")
  public Count count() {
    return new Count(ParticipantProjection.count());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getProjectedParticipant", summary = "One participant as projected")
  public View get(@PathParam("id") UUID id) {
    ParticipantProjection p = ParticipantProjection.findById(id);
    if (p == null) {
      throw ProblemException.notFound("participant projection", id);
    }
    return new View(
        p.participantId,
        p.regionCode,
        p.provinceCode,
        p.nationality,
        p.enteredAsUnaccompaniedMinor,
        p.ownerOrgId,
        p.registeredOn,
        p.employmentStatus,
        p.consentGiven,
        p.erased,
        p.lastEventId,
        p.lastEventAt);
  }
}
