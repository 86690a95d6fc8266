package it.percorsi.placement.payment;

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
 * The agency's bulk read of the hosts' current accounts by internship, which dote-service makes
 * with the token of the agency administrator building a SEPA batch, by internship id. Agency only;
 * an internship whose host has no account is absent from the answer.
 */
@Path("/internships/host-payment-accounts/lookups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "internships")
@SecurityRequirement(name = "bearer")
public class HostPaymentAccountLookupResource {

  private final HostPaymentAccounts accounts;

  public HostPaymentAccountLookupResource(HostPaymentAccounts accounts) {
    this.accounts = accounts;
  }

  @POST
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "lookUpHostPaymentAccounts",
      summary =
          "The hosts' current bank accounts of many internships (agency, for a payment batch)",
      description = "At most 1000 internship ids; those whose host has no account are left out.")
  public Found lookup(@Valid @NotNull Lookup request) {
    return new Found(
        accounts.byInternships(request.ids()).stream()
            .map(a -> new Account(a.internshipId(), a.iban(), a.accountHolder()))
            .toList());
  }
}
