package it.percorsi.participant.payment;

import it.percorsi.platform.caller.Role;
import it.percorsi.platform.payment.PaymentAccountLookup.Account;
import it.percorsi.platform.payment.PaymentAccountLookup.Found;
import it.percorsi.platform.payment.PaymentAccountLookup.Lookup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agency's bulk read of participants' current accounts, which dote-service makes with the token
 * of the agency administrator building a SEPA batch. Agency only; a participant without an account
 * (or erased) is absent from the answer.
 */
@Path("/participants/payment-accounts/lookups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants")
@SecurityRequirement(name = "bearer")
public class PaymentAccountLookupResource {

  private final PaymentAccounts accounts;

  public PaymentAccountLookupResource(PaymentAccounts accounts) {
    this.accounts = accounts;
  }

  @POST
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "lookUpParticipantPaymentAccounts",
      summary = "Current bank accounts of many participants (agency, for a payment batch)",
      description = "At most 1000 ids; those without an account are left out of the answer.")
  public Found lookup(@Valid @NotNull Lookup request) {
    return new Found(
        accounts.current(request.ids()).stream()
            .map(a -> new Account(a.participantId, a.iban, a.accountHolder))
            .toList());
  }
}
