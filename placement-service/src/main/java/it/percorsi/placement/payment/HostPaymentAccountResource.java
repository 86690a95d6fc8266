package it.percorsi.placement.payment;

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

/** A host's bank account for the host contribution. */
@Path("/employers/{id}/payment-account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "employers")
@SecurityRequirement(name = "bearer")
public class HostPaymentAccountResource {

  private final HostPaymentAccounts accounts;
  private final CurrentCaller caller;

  public HostPaymentAccountResource(HostPaymentAccounts accounts, CurrentCaller caller) {
    this.accounts = accounts;
    this.caller = caller;
  }

  /** The account to pay the host contribution to. */
  public record PaymentAccountData(
      @Schema(
              examples = "IT60X0542811101000000123456",
              description = "Checked with its check digits")
          @NotBlank
          @Size(max = 42)
          String iban,
      @Schema(examples = "Officine Esempio srl") @NotBlank @Size(max = 70) String accountHolder) {}

  @GET
  @RolesAllowed({Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST})
  @Operation(
      operationId = "getEmployerPaymentAccount",
      summary = "A host's bank account, with the ones before it",
      description = "The agency, auditors and the host itself; anyone else (or none set) a 404.")
  public HostPaymentAccounts.View get(@PathParam("id") UUID id) {
    return accounts.get(id, caller.get());
  }

  @PUT
  @RolesAllowed({Role.AGENCY_ADMIN, Role.HOST})
  @Operation(
      operationId = "setEmployerPaymentAccount",
      summary = "Set a host's bank account (agency or the host itself)",
      description =
          "The IBAN is checked (country format and check digits). The account before stays in the"
              + " history; the employer's audit trail names the fields changed, never the values.")
  public HostPaymentAccounts.View set(
      @PathParam("id") UUID id, @Valid @NotNull PaymentAccountData data) {
    return accounts.set(id, data.iban(), data.accountHolder(), caller.get());
  }
}
