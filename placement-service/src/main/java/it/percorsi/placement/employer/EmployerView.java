package it.percorsi.placement.employer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A host organisation as returned over HTTP. */
@Schema(name = "Employer")
public record EmployerView(
    UUID id,
    @Schema(examples = "00743110157") String taxCode,
    @Schema(examples = "Acme Meccanica S.r.l.") String name,
    LegalForm legalForm,
    boolean nonProfit,
    @Schema(examples = "25.62.00") String atecoCode,
    @Schema(examples = "ATECO 2025") String atecoVersion,
    @Schema(examples = "083048") String siteMunicipality,
    @Schema(examples = "083") String siteProvince,
    int employees,
    @Schema(
            description = "How many interns the host may have at a time, by its size",
            examples = "2")
        int concurrentInternLimit,
    List<CompanyTutor> tutors,
    @Schema(examples = "HOST-ACME") String hostOrgId,
    @Schema(examples = "ORG-PROMOTER-A") String registeredByOrgId,
    Instant registeredAt,
    Instant updatedAt,
    long version) {

  public static EmployerView of(Employer e) {
    return new EmployerView(
        e.id,
        e.taxCode,
        e.name,
        e.legalForm,
        e.nonProfit,
        e.atecoCode,
        it.percorsi.placement.reference.Ateco.VERSION,
        e.siteMunicipality,
        e.siteProvince,
        e.employees,
        e.concurrentInternLimit(),
        List.copyOf(e.tutors),
        e.hostOrgId,
        e.registeredByOrgId,
        e.registeredAt,
        e.updatedAt,
        e.version);
  }
}
