package it.percorsi.placement.notice;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * participant-service, for the notice import only: tax codes to participant ids, in bulk. Called
 * with placement-service's own token (client credentials, role notice-import), never a user's.
 */
@RegisterRestClient(configKey = "participant-service")
@OidcClientFilter
@Path("/participants/resolutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ParticipantServiceClient {

  /** Body of the request. */
  record Request(List<String> taxCodes) {}

  /** One match. */
  record Match(String taxCode, UUID participantId) {}

  /** The matches; codes that are no participant's are absent. */
  record Response(List<Match> matches) {}

  @POST
  Response resolve(Request request);
}
