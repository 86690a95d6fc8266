package it.percorsi.placement.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Workers' tax codes to participant ids, through participant-service, which owns them. */
@ApplicationScoped
public class ParticipantResolver {

  private final ParticipantServiceClient client;

  public ParticipantResolver(@RestClient ParticipantServiceClient client) {
    this.client = client;
  }

  /** The participant of each code that is one's; the others are absent. */
  public Map<String, UUID> resolve(List<String> taxCodes) {
    Map<String, UUID> found = new HashMap<>();
    if (taxCodes.isEmpty()) {
      return found;
    }
    var response = client.resolve(new ParticipantServiceClient.Request(taxCodes));
    if (response != null && response.matches() != null) {
      response.matches().forEach(m -> found.put(m.taxCode(), m.participantId()));
    }
    return found;
  }
}
