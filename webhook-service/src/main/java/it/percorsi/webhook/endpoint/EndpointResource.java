package it.percorsi.webhook.endpoint;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Creation;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.problem.ProblemException;
import it.percorsi.webhook.delivery.Deliveries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's webhook endpoints over HTTP. The organisation in the caller's token owns them; the
 * endpoint of another organisation is a 404.
 */
@Path("/webhooks/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.INTEGRATOR})
public class EndpointResource {

  private static final int MAX_ATTEMPTS = 500;

  private final EndpointService service;
  private final CurrentCaller caller;
  private final Creation creation;

  public EndpointResource(EndpointService service, CurrentCaller caller, Creation creation) {
    this.service = service;
    this.caller = caller;
    this.creation = creation;
  }

  /** The answer of {@code GET /webhooks/endpoints}. */
  @Schema(name = "WebhookEndpointList")
  public record EndpointList(List<EndpointView> items) {}

  /** The answer of {@code GET /webhooks/endpoints/{id}/attempts}. */
  @Schema(name = "WebhookAttemptList")
  public record AttemptList(List<Deliveries.Attempt> items) {}

  /** Body of {@code POST /webhooks/endpoints/{id}/replays}: one event, or a time range. */
  @Schema(name = "WebhookReplay")
  public record Replay(
      @Schema(description = "The CloudEvents id of one event") @Size(max = 100) String eventId,
      @Schema(description = "Events that happened at or after (with to)") Instant from,
      @Schema(description = "Events that happened before (with from)") Instant to) {}

  /** The answer of a replay. */
  @Schema(name = "WebhookReplayed")
  public record Replayed(@Schema(description = "Deliveries added") int deliveries) {}

  @POST
  @Operation(
      operationId = "registerWebhookEndpoint",
      summary = "Register a webhook endpoint",
      description =
          "Events of the chosen types that the caller's organisation may see (the same rule as"
              + " the REST API) are POSTed to the URL as CloudEvents (structured mode), signed"
              + " per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The"
              + " signing secret is in this answer only. With an Idempotency-Key a retry returns"
              + " the first result.")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = EndpointView.class)))
  public Response register(
      @Valid @NotNull EndpointData request,
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
          EndpointView v = service.register(request, c);
          return new Creation.Created(v, v.id().toString(), null);
        },
        id -> service.get(UUID.fromString(id), c));
  }

  @GET
  @Operation(operationId = "listWebhookEndpoints", summary = "The organisation's endpoints")
  public EndpointList list() {
    return new EndpointList(service.list(caller.get()));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getWebhookEndpoint", summary = "Read an endpoint")
  public EndpointView get(@PathParam("id") UUID id) {
    return service.get(id, caller.get());
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteWebhookEndpoint",
      summary = "Delete an endpoint",
      description = "With its pending deliveries and its attempts.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") UUID id) {
    service.delete(id, caller.get());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/secret-rotation")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Rotate the signing secret",
      description =
          "Answers the new secret (only here). For 24 hours every delivery carries a signature"
              + " with the new and one with the previous secret, so either verifies.")
  public EndpointView rotate(@PathParam("id") UUID id) {
    return service.rotate(id, caller.get());
  }

  @POST
  @Path("/{id}/pause")
  @Operation(
      operationId = "pauseWebhookEndpoint",
      summary = "Pause an endpoint",
      description = "Deliveries wait until it is resumed.")
  public EndpointView pause(@PathParam("id") UUID id) {
    return service.pause(id, caller.get());
  }

  @POST
  @Path("/{id}/resume")
  @Operation(
      operationId = "resumeWebhookEndpoint",
      summary = "Resume an endpoint",
      description = "A paused one, or one the platform disabled (410 Gone, failing for days).")
  public EndpointView resume(@PathParam("id") UUID id) {
    return service.resume(id, caller.get());
  }

  @GET
  @Path("/{id}/attempts")
  @Operation(
      operationId = "listWebhookAttempts",
      summary = "Delivery attempts of the last 30 days",
      description = "Newest first: outcome, the answer's status code, duration.")
  public AttemptList attempts(
      @PathParam("id") UUID id,
      @Parameter(description = "Only the attempts of this event") @QueryParam("eventId")
          String eventId,
      @Parameter(
              description = "At most this many (default 100, at most 500)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
          @QueryParam("limit")
          String limit) {
    int n = 100;
    if (limit != null) {
      try {
        n = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > MAX_ATTEMPTS) {
        throw ProblemException.invalid("limit", "must be a whole number from 1 to 500");
      }
    }
    return new AttemptList(service.attempts(id, caller.get(), eventId, n));
  }

  @POST
  @Path("/{id}/replays")
  @Operation(
      operationId = "replayWebhookEvents",
      summary = "Deliver events again",
      description =
          "One event (eventId) or every event with from <= time < to that the endpoint receives,"
              + " of the last 30 days, in their order.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = Replayed.class)))
  public Response replay(@PathParam("id") UUID id, @NotNull @Valid Replay request) {
    boolean one = request.eventId() != null;
    boolean range = request.from() != null || request.to() != null;
    if (one == range) {
      throw ProblemException.invalid("eventId", "give either eventId or from and to");
    }
    if (range && (request.from() == null || request.to() == null)) {
      throw ProblemException.invalid(request.from() == null ? "from" : "to", "must not be null");
    }
    if (range && !request.from().isBefore(request.to())) {
      throw ProblemException.invalid("to", "must be after from");
    }
    int n = service.replay(id, caller.get(), request.eventId(), request.from(), request.to());
    return Response.accepted(new Replayed(n)).build();
  }
}
