package it.percorsi.dote.ledger;

import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Disbursements: read by whoever may read their dote; payment confirmed by the agency. */
@Path("/disbursements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "disbursements")
@SecurityRequirement(name = "bearer")
public class DisbursementResource {

  private final Ledger ledger;
  private final CurrentCaller caller;

  public DisbursementResource(Ledger ledger, CurrentCaller caller) {
    this.ledger = ledger;
    this.caller = caller;
  }

  /** Payment confirmation. */
  public record Payment(
      @Schema(examples = "CRO-0001234567") @NotBlank @Size(max = 100) String paymentReference) {}

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getDisbursement",
      summary = "Read a disbursement",
      description = "Another organisation's is a 404.")
  public RestResponse<DisbursementView> get(@PathParam("id") UUID id) {
    Disbursement x = ledger.get(id, caller.get());
    return RestResponse.ResponseBuilder.ok(DisbursementView.of(x)).header("ETag", x.etag()).build();
  }

  @POST
  @Path("/{id}/payment")
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "confirmDisbursementPayment",
      summary = "Confirm that an authorised disbursement was paid (agency)",
      description = "Records the payment reference and who confirmed it; emits disbursement.paid.")
  public DisbursementView pay(@PathParam("id") UUID id, @Valid @NotNull Payment payment) {
    return DisbursementView.of(ledger.pay(id, payment.paymentReference(), caller.get()));
  }
}
