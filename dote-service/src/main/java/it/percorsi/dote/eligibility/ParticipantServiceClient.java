package it.percorsi.dote.eligibility;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** participant-service, for the eligibility check only. */
@RegisterRestClient(configKey = "participant-service")
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ParticipantServiceClient {

  @POST
  @Path("/{id}/eligibility-checks")
  EligibilityCheck.Response check(
      @PathParam("id") UUID participantId,
      @HeaderParam("Authorization") String authorization,
      EligibilityCheck.Request request);
}
