package it.percorsi.webhook.endpoint;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /webhooks/endpoints}. */
@Schema(name = "WebhookEndpointData")
public record EndpointData(
    @Schema(
            examples = "https://partner.example/percorsi/webhooks",
            description =
                "https only; http://127.0.0.1 or http://localhost in the sandbox. The host must"
                    + " resolve to public addresses only.")
        @NotNull
        @Size(max = 2000)
        String url,
    @Schema(
            description = "The CloudEvents types to receive (see /asyncapi)",
            examples = "[\"it.percorsi.dote.assigned.v1\"]")
        @NotEmpty
        @Size(max = 100)
        List<@NotNull @Size(max = 200) String> eventTypes,
    @Schema(examples = "Our case management system") @Size(max = 500) String description) {}
