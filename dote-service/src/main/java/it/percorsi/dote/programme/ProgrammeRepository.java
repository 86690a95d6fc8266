package it.percorsi.dote.programme;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Programmes, their quotas and the per-promoter allocations. */
@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, String> {

  private final EntityManager em;

  public ProgrammeRepository(EntityManager em) {
    this.em = em;
  }

  public List<RegionalQuota> quotas(String programmeCode) {
    return em.createQuery(
            "from RegionalQuota q where q.id.programmeCode = ?1 order by q.id.regionCode",
            RegionalQuota.class)
        .setParameter(1, programmeCode)
        .getResultList();
  }

  /** A place just taken: how many are held now, out of how many. */
  public record Place(int assigned, int total) {

    /** This place was the region's last. */
    public boolean last() {
      return assigned == total;
    }
  }

  /** Whether the programme has a quota (possibly of zero places) for the region. */
  public boolean hasRegion(String programmeCode, String regionCode) {
    return em.find(RegionalQuota.class, new RegionalQuota.Key(programmeCode, regionCode)) != null;
  }

  /**
   * Takes one place of the region's quota if any is left. The row lock taken by the update makes
   * concurrent applications queue: first come, first served, never past the quota.
   *
   * @return the place taken, or empty when the quota is used up
   */
  public Optional<Place> takeRegionalPlace(String programmeCode, String regionCode) {
    List<?> rows =
        em.createNativeQuery(
                "UPDATE regional_quota SET assigned = assigned + 1 WHERE programme_code = ?1"
                    + " AND region_code = ?2 AND assigned < total RETURNING assigned, total")
            .setParameter(1, programmeCode)
            .setParameter(2, regionCode)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new Place(((Number) row[0]).intValue(), ((Number) row[1]).intValue()));
  }

  /** Gives a place back to the region's quota (expiry). */
  public void returnRegionalPlace(String programmeCode, String regionCode) {
    em.createNativeQuery(
            "UPDATE regional_quota SET assigned = assigned - 1 WHERE programme_code = ?1"
                + " AND region_code = ?2 AND assigned > 0")
        .setParameter(1, programmeCode)
        .setParameter(2, regionCode)
        .executeUpdate();
  }

  /**
   * Takes one place under the promoter's cap.
   *
   * @return false when the organisation already holds {@code cap} places
   */
  public boolean takePromoterPlace(String programmeCode, String orgId, int cap) {
    List<?> rows =
        em.createNativeQuery(
                "INSERT INTO promoter_allocation AS a (programme_code, org_id, assigned)"
                    + " VALUES (?1, ?2, 1) ON CONFLICT (programme_code, org_id) DO UPDATE"
                    + " SET assigned = a.assigned + 1 WHERE a.assigned < ?3 RETURNING a.assigned")
            .setParameter(1, programmeCode)
            .setParameter(2, orgId)
            .setParameter(3, cap)
            .getResultList();
    return !rows.isEmpty();
  }

  public void returnPromoterPlace(String programmeCode, String orgId) {
    em.createNativeQuery(
            "UPDATE promoter_allocation SET assigned = assigned - 1 WHERE programme_code = ?1"
                + " AND org_id = ?2 AND assigned > 0")
        .setParameter(1, programmeCode)
        .setParameter(2, orgId)
        .executeUpdate();
  }

  /** Dotes of the programme per region in ACTIVE or EXTENDED state. */
  public java.util.Map<String, Long> activeByRegion(String programmeCode) {
    java.util.Map<String, Long> m = new java.util.HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select d.regionCode, count(d) from Dote d where d.programmeCode = ?1"
                    + " and d.state in (it.percorsi.dote.dote.Dote.State.ACTIVE,"
                    + " it.percorsi.dote.dote.Dote.State.EXTENDED) group by d.regionCode",
                Object[].class)
            .setParameter(1, programmeCode)
            .getResultList()) {
      m.put((String) row[0], (Long) row[1]);
    }
    return m;
  }

  /** Per region, the day of the latest assignment under the programme. */
  public java.util.Map<String, java.time.LocalDate> lastAssignmentByRegion(String programmeCode) {
    java.util.Map<String, java.time.LocalDate> m = new java.util.HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select d.regionCode, max(d.assignedOn) from Dote d where d.programmeCode = ?1"
                    + " group by d.regionCode",
                Object[].class)
            .setParameter(1, programmeCode)
            .getResultList()) {
      m.put((String) row[0], (java.time.LocalDate) row[1]);
    }
    return m;
  }
}
