package it.percorsi.plan.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One service of the catalogue: what a plan's activity may be. Data, not code; shipped by migration
 * with illustrative costs marked as examples. Read only by this service.
 */
@Entity
@Table(name = "service_catalogue")
public class CatalogueEntry extends PanacheEntityBase {

  /** How a service is counted and paid. */
  public enum Unit {
    /** Paid per hour delivered. */
    HOUR,
    /** Paid once per outcome reached (a count, usually one). */
    OUTCOME
  }

  @Id
  @Column(length = 40)
  public String code;

  @Column(name = "name_it", nullable = false, length = 200)
  public String nameIt;

  @Column(name = "name_en", nullable = false, length = 200)
  public String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  public Unit unit;

  @Column(name = "unit_cost_cents", nullable = false)
  public long unitCostCents;

  /** The most hours (or outcomes) one plan may hold of this service, over all its activities. */
  @Column(name = "max_units_per_plan", nullable = false)
  public int maxUnitsPerPlan;

  @Column(nullable = false)
  public boolean example;

  protected CatalogueEntry() {}

  /** An entry as data, for rules and tests; persisted entries come from the migration. */
  public static CatalogueEntry of(String code, Unit unit, long unitCostCents, int maxUnitsPerPlan) {
    CatalogueEntry e = new CatalogueEntry();
    e.code = code;
    e.nameIt = code;
    e.nameEn = code;
    e.unit = unit;
    e.unitCostCents = unitCostCents;
    e.maxUnitsPerPlan = maxUnitsPerPlan;
    e.example = true;
    return e;
  }

  /** What {@code units} of this service cost at the standard unit cost. */
  public long cost(int units) {
    return Math.multiplyExact(unitCostCents, (long) units);
  }
}
