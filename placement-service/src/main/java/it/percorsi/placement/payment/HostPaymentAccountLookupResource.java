package it.percorsi.placement.payment;

import it.percorsi.platform.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agency's bulk read of the hosts' current accounts by internship, which dote-service makes
 * with the token of the agency administrator building a SEPA batch. Agency only.
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

  /** Internships whose hosts' accounts the agency needs. */
  public record Lookup(@NotNull @Size(max = 1000) List<@NotNull UUID> ids) {}

  /** One account, by internship. */
  public record Account(UUID id, String iban, String accountHolder) {}

  /** The accounts found; an internship whose host has none is absent. */
  public record Found(List<Account> accounts) {}

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
