package it.percorsi.plan.catalogue;

import it.percorsi.platform.caller.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service catalogue a plan's activities come from. */
@Path("/plans/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
@SecurityRequirement(name = "bearer")
public class CatalogueResource {

  /** One service of the catalogue. */
  public record ServiceView(
      @Schema(examples = "SPECIALIST_ORIENTATION") String code,
      @Schema(examples = "Orientamento specialistico") String nameIt,
      @Schema(examples = "Specialist orientation") String nameEn,
      @Schema(examples = "HOUR", description = "HOUR or OUTCOME") String unit,
      @Schema(examples = "3500", description = "Standard cost of one unit, euro cents")
          long unitCostCents,
      @Schema(examples = "16", description = "Most hours (or outcomes) one plan may hold")
          int maxUnitsPerPlan,
      @Schema(description = "The cost is illustrative, not an official figure") boolean example) {

    static ServiceView of(CatalogueEntry e) {
      return new ServiceView(
          e.code, e.nameIt, e.nameEn, e.unit.name(), e.unitCostCents, e.maxUnitsPerPlan, e.example);
    }
  }

  @GET
  @Transactional
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "listCatalogueServices",
      summary = "The service catalogue",
      description =
          "Every service a plan's activity may name: code, names in Italian and English, unit,"
              + " standard unit cost and the most units one plan may hold.")
  public List<ServiceView> catalogue() {
    return Catalogue.load().entries().stream().map(ServiceView::of).toList();
  }
}
