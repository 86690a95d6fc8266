package it.percorsi.plan.delivery;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.idempotency.StoredResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service deliveries of a plan over HTTP. */
@Path("/plans/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
@SecurityRequirement(name = "bearer")
public class DeliveryResource {

  private final DeliveryService service;
  private final CurrentCaller caller;
  private final Idempotency idempotency;

  public DeliveryResource(DeliveryService service, CurrentCaller caller, Idempotency idempotency) {
    this.service = service;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  /** Body of {@code POST /plans/{id}/deliveries}. */
  public record RecordDelivery(
      @Schema(description = "An activity of the approved version in force") @NotNull
          UUID activityId,
      @Schema(examples = "2026-12-15") @NotNull LocalDate deliveredOn,
      @Schema(examples = "4", description = "Hours (or outcomes)") @NotNull @Min(1) @Max(200)
          Integer hours,
      @Schema(examples = "Individual orientation interview") @Size(max = 2000) String note) {}

  /** Body of {@code POST /plans/{id}/deliveries/{deliveryId}/rejection}. */
  public record Rejection(@Schema(examples = "NOT_DOCUMENTED") @NotNull RejectionReason reason) {}

  @POST
  @RolesAllowed(Role.PROMOTER)
  @Operation(
      operationId = "recordServiceDelivery",
      summary = "Record a service delivery (the owning promoter)",
      description =
          "Hours of an activity of the approved version in force. Refused (422,"
              + " delivery-not-allowed) when the date is in the future or outside the activity's"
              + " period, or when the hours would pass what the plan allows for the activity."
              + " With an Idempotency-Key a retry returns the first result.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  public Response record(
      @PathParam("id") UUID planId,
      @Valid @NotNull RecordDelivery request,
      @Parameter(description = "Any unique string, up to 255 visible ASCII characters")
          @HeaderParam(Idempotency.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    Caller c = caller.get();
    String fingerprint = idempotency.fingerprint("POST", uri.getPath(), request);
    StoredResponse answer =
        idempotency.once(
            c,
            idempotencyKey,
            fingerprint,
            () -> {
              ServiceDelivery d =
                  service.record(
                      planId,
                      new ServiceDelivery.Report(
                          request.activityId(),
                          request.deliveredOn(),
                          request.hours(),
                          request.note()),
                      c);
              URI location = uri.getAbsolutePathBuilder().path(d.id.toString()).build();
              return idempotency.created(DeliveryView.of(d), location, d.etag(), d.id.toString());
            });
    return answer.toResponse();
  }

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listServiceDeliveries",
      summary = "The deliveries of a plan",
      description =
          "Every delivery, and per activity of the version in force: hours planned, delivered"
              + " (recorded or validated), validated, and the cents planned and paid (validated"
              + " amounts, which dote-service pays once each).")
  public DeliveriesView list(@PathParam("id") UUID planId) {
    return service.list(planId, caller.get());
  }

  @GET
  @Path("/{deliveryId}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getServiceDelivery",
      summary = "One delivery",
      description = "With its ETag.")
  @APIResponse(
      responseCode = "200",
      description = "The delivery",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  public Response get(@PathParam("id") UUID planId, @PathParam("deliveryId") UUID deliveryId) {
    return withEtag(service.get(planId, deliveryId, caller.get()));
  }

  @POST
  @Path("/{deliveryId}/validation")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed({Role.AGENCY_ADMIN, Role.CPI_OPERATOR})
  @Operation(
      operationId = "validateServiceDelivery",
      summary = "Validate a delivery (agency, or a CPI operator of the province)",
      description =
          "Emits plan.service-delivered with the amount from the approved catalogue cost;"
              + " dote-service pays it once. If-Match is checked when sent.")
  @APIResponse(
      responseCode = "200",
      description = "Validated",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  public Response validate(
      @PathParam("id") UUID planId,
      @PathParam("deliveryId") UUID deliveryId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return withEtag(service.validate(planId, deliveryId, ifMatch, caller.get()));
  }

  @POST
  @Path("/{deliveryId}/rejection")
  @RolesAllowed({Role.AGENCY_ADMIN, Role.CPI_OPERATOR})
  @Operation(
      operationId = "rejectServiceDelivery",
      summary = "Reject a delivery (agency, or a CPI operator of the province)",
      description = "Nothing is paid; its hours no longer count against the activity.")
  @APIResponse(
      responseCode = "200",
      description = "Rejected",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  public Response reject(
      @PathParam("id") UUID planId,
      @PathParam("deliveryId") UUID deliveryId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull Rejection request) {
    return withEtag(service.reject(planId, deliveryId, request.reason(), ifMatch, caller.get()));
  }

  private static Response withEtag(ServiceDelivery d) {
    return Response.ok(DeliveryView.of(d)).header(HttpHeaders.ETAG, d.etag()).build();
  }
}
