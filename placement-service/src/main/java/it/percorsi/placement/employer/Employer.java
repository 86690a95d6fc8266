package it.percorsi.placement.employer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.placement.PlacementProblems;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A host organisation (soggetto ospitante): one record per tax code. Changed only through {@link
 * #register} and {@link #replace}; employers publish no events (nothing downstream needs them).
 */
@Entity
@Table(name = "employer")
public class Employer extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tax_code", nullable = false, length = 16)
  public String taxCode;

  @Column(nullable = false, length = 200)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "legal_form", nullable = false, length = 30)
  public LegalForm legalForm;

  @Column(name = "non_profit", nullable = false)
  public boolean nonProfit;

  @Column(name = "ateco_code", nullable = false, length = 8)
  public String atecoCode;

  @Column(name = "site_municipality", nullable = false, length = 6, columnDefinition = "bpchar")
  public String siteMunicipality;

  /** ISTAT province of the site: the first three digits of the municipality code. */
  @Column(name = "site_province", nullable = false, length = 3, columnDefinition = "bpchar")
  public String siteProvince;

  @Column(nullable = false)
  public int employees;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "employer_tutor", joinColumns = @JoinColumn(name = "employer_id"))
  @OrderColumn(name = "position")
  public List<CompanyTutor> tutors = new ArrayList<>();

  @Column(name = "host_org_id", length = 100)
  public String hostOrgId;

  @Column(name = "registered_by_org_id", nullable = false, length = 100)
  public String registeredByOrgId;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Employer() {}

  /** A host registered by {@code orgId}, from data that passed {@link EmployerRules}. */
  public static Employer register(EmployerData d, String orgId, Instant now) {
    Employer e = new Employer();
    e.id = UUID.randomUUID();
    e.taxCode = d.taxCode();
    e.apply(d);
    e.registeredByOrgId = orgId;
    e.registeredAt = now.truncatedTo(ChronoUnit.MICROS);
    e.updatedAt = e.registeredAt;
    return e;
  }

  /**
   * Replaces what a caller writes; the tax code is the employer's identity and cannot change.
   *
   * @return the names of the fields that changed (empty when none did)
   * @throws ProblemException 400 when the body names another tax code
   */
  public List<String> replace(EmployerData d, Instant now) {
    if (!taxCode.equals(d.taxCode())) {
      throw PlacementProblems.taxCodeIsIdentity();
    }
    List<String> changed = new ArrayList<>();
    note(changed, "name", name, d.name());
    note(changed, "legalForm", legalForm, d.legalForm());
    note(changed, "nonProfit", nonProfit, d.nonProfit());
    note(changed, "atecoCode", atecoCode, d.atecoCode());
    note(changed, "siteMunicipality", siteMunicipality, d.siteMunicipality());
    note(changed, "employees", employees, d.employees());
    note(changed, "tutors", tutors, d.tutors());
    note(changed, "hostOrgId", hostOrgId, d.hostOrgId());
    if (!changed.isEmpty()) {
      apply(d);
      updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }
    return changed;
  }

  /** How many interns the host may have at a time, by its size. */
  public int concurrentInternLimit() {
    return EmployerRules.concurrentInternLimit(employees);
  }

  public String etag() {
    return Preconditions.etag(version);
  }

  private void apply(EmployerData d) {
    name = d.name();
    legalForm = d.legalForm();
    nonProfit = d.nonProfit();
    atecoCode = d.atecoCode();
    siteMunicipality = d.siteMunicipality();
    siteProvince = d.siteMunicipality().substring(0, 3);
    employees = d.employees();
    tutors = new ArrayList<>(d.tutors());
    hostOrgId = d.hostOrgId();
  }

  private static void note(List<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }
}
