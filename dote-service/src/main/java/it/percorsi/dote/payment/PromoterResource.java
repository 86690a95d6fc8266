package it.percorsi.dote.payment;

import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.codes.Ibans;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The registry of promoter organisations the agency pays: name and bank account. The agency writes;
 * the agency, auditors and the organisation itself read.
 */
@Path("/promoters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
@SecurityRequirement(name = "bearer")
public class PromoterResource {

  private final EntityManager em;
  private final CurrentCaller caller;
  private final AuditTrail audit;
  private final Clock clock;

  public PromoterResource(EntityManager em, CurrentCaller caller, AuditTrail audit, Clock clock) {
    this.em = em;
    this.caller = caller;
    this.audit = audit;
    this.clock = clock;
  }

  /** A promoter organisation's payment details. */
  public record PromoterData(
      @Schema(examples = "Cooperativa Esempio") @NotBlank @Size(max = 70) String name,
      @Schema(
              examples = "IT60X0542811101000000123456",
              description = "Checked with its check digits")
          @NotBlank
          @Size(max = 42)
          String iban,
      @Schema(examples = "Cooperativa Esempio Soc. Coop.") @NotBlank @Size(max = 70)
          String accountHolder) {}

  /** As read back. */
  public record PromoterView(
      String orgId, String name, String iban, String accountHolder, Instant updatedAt) {
    static PromoterView of(PromoterOrganisation p) {
      return new PromoterView(p.orgId, p.name, p.iban, p.accountHolder, p.updatedAt);
    }
  }

  @GET
  @Path("/{orgId}")
  @RolesAllowed({Role.PROMOTER, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getPromoterOrganisation",
      summary = "Read a promoter organisation's payment details",
      description = "The agency and auditors read every one, a promoter its own; else a 404.")
  @Transactional
  public RestResponse<PromoterView> get(@PathParam("orgId") String orgId) {
    PromoterOrganisation p = visible(em.find(PromoterOrganisation.class, orgId), orgId);
    return RestResponse.ResponseBuilder.ok(PromoterView.of(p)).header("ETag", p.etag()).build();
  }

  @PUT
  @Path("/{orgId}")
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "putPromoterOrganisation",
      summary = "Register or change a promoter organisation's payment details (agency)",
      description =
          "The IBAN is checked (country format and check digits). If-Match is honoured when"
              + " sent. The audit trail records who changed it, never the values.")
  @Transactional
  public RestResponse<PromoterView> put(
      @PathParam("orgId")
          @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,99}", message = "must be an organisation id")
          String orgId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PromoterData data) {
    String iban = Ibans.checked(data.iban());
    PromoterOrganisation p =
        em.find(PromoterOrganisation.class, orgId, LockModeType.PESSIMISTIC_WRITE);
    boolean created = p == null;
    if (created) {
      p = PromoterOrganisation.of(orgId);
    } else {
      Preconditions.optional(ifMatch, p.etag());
    }
    Caller c = caller.get();
    if (p.set(data.name().strip(), iban, data.accountHolder().strip(), clock.instant())) {
      if (created) {
        em.persist(p);
      }
      audit.record(
          "promoter-organisation",
          orgId,
          created ? "registered" : "payment-details-changed",
          "",
          c);
      em.flush();
    }
    return RestResponse.ResponseBuilder.ok(PromoterView.of(p)).header("ETag", p.etag()).build();
  }

  private PromoterOrganisation visible(PromoterOrganisation p, String orgId) {
    Caller c = caller.get();
    if (p == null || !(c.readsEverything() || c.belongsTo(p.orgId))) {
      throw ProblemException.notFound("promoter organisation", orgId);
    }
    return p;
  }
}
