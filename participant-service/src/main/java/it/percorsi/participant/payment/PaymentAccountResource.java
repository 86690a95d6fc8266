package it.percorsi.participant.payment;

import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A participant's bank account for the allowance: same access as the participant (another
 * organisation's participant is a 404); auditors read only.
 */
@Path("/participants/{id}/payment-account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants")
@SecurityRequirement(name = "bearer")
public class PaymentAccountResource {

  private final PaymentAccounts accounts;
  private final CurrentCaller caller;

  public PaymentAccountResource(PaymentAccounts accounts, CurrentCaller caller) {
    this.accounts = accounts;
    this.caller = caller;
  }

  /** The account to pay the allowance to. */
  public record PaymentAccountData(
      @Schema(
              examples = "IT60X0542811101000000123456",
              description = "Checked with its check digits; spaces are ignored")
          @NotBlank
          @Size(max = 42)
          String iban,
      @Schema(examples = "Amina Diallo") @NotBlank @Size(max = 70) String accountHolder) {}

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getParticipantPaymentAccount",
      summary = "A participant's bank account, with the ones before it",
      description = "404 when the participant is not visible or has no account.")
  public PaymentAccountView get(@PathParam("id") UUID id) {
    return accounts.get(id, caller.get());
  }

  @PUT
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN})
  @Operation(
      operationId = "setParticipantPaymentAccount",
      summary = "Set a participant's bank account",
      description =
          "The IBAN is checked (country format and check digits). The account before stays in the"
              + " history with the interval it was in force; the audit trail records who changed"
              + " which field, never the values. No event: the account never leaves this service"
              + " except to the agency building a payment batch.")
  public PaymentAccountView set(@PathParam("id") UUID id, @Valid @NotNull PaymentAccountData data) {
    return accounts.set(id, data.iban(), data.accountHolder(), caller.get());
  }
}
