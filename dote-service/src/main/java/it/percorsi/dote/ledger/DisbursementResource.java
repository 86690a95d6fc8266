package it.percorsi.dote.ledger;

import it.percorsi.dote.dote.Dote;
import it.percorsi.dote.dote.DoteService;
import it.percorsi.dote.dote.DoteView;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Disbursements: read by whoever may read their dote; payment confirmed by the agency. */
@Path("/disbursements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "disbursements")
@SecurityRequirement(name = "bearer")
public class DisbursementResource {

  private final Ledger ledger;
  private final DoteService dotes;
  private final CurrentCaller caller;

  public DisbursementResource(Ledger ledger, DoteService dotes, CurrentCaller caller) {
    this.ledger = ledger;
    this.dotes = dotes;
    this.caller = caller;
  }

  /** Payment confirmation. */
  public record Payment(@NotBlank @Size(max = 100) String paymentReference) {}

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Transactional
  public DoteView.DisbursementView get(@PathParam("id") UUID id) {
    Disbursement x = Disbursement.findById(id);
    if (x == null) {
      throw ProblemException.notFound("disbursement", id);
    }
    try {
      Dote ignored = dotes.get(x.doteId, caller.get());
    } catch (ProblemException e) {
      throw ProblemException.notFound("disbursement", id);
    }
    return DoteView.DisbursementView.of(x);
  }

  @POST
  @Path("/{id}/payment")
  @RolesAllowed(Role.AGENCY_ADMIN)
  public DoteView.DisbursementView pay(@PathParam("id") UUID id, @Valid @NotNull Payment payment) {
    return DoteView.DisbursementView.of(ledger.pay(id, payment.paymentReference()));
  }
}
