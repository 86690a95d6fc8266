package it.percorsi.webhook.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as its owner reads it; the secret only in the answer that made it. */
@Schema(name = "WebhookEndpoint")
public record EndpointView(
    UUID id,
    String url,
    String description,
    List<String> eventTypes,
    @Schema(enumeration = {"ACTIVE", "PAUSED", "DISABLED"}) String state,
    @Schema(
            enumeration = {"GONE", "FAILING"},
            description = "Why the platform disabled it: a 410 answer, or failing for days")
        String disabledReason,
    Instant disabledAt,
    Instant createdAt,
    @Schema(description = "After a rotation: until when the previous secret signs too")
        Instant previousSecretExpiresAt,
    @Schema(
            description =
                "The signing secret (whsec_...), only in the answer to a registration or a"
                    + " rotation")
        String secret) {

  static EndpointView of(Endpoint e, Instant previousExpiry, String secret) {
    return new EndpointView(
        e.id(),
        e.url(),
        e.description(),
        e.eventTypes(),
        e.state(),
        e.disabledReason(),
        e.disabledAt(),
        e.createdAt(),
        previousExpiry,
        secret);
  }
}
