package it.percorsi.dote.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The places of one region in a programme. {@code assigned} never exceeds {@code total} (a database
 * constraint); places are taken and returned by {@link ProgrammeRepository} with conditional
 * updates, never by changing this object.
 */
@Entity
@Table(name = "regional_quota")
public class RegionalQuota extends PanacheEntityBase {

  /** Programme and ISTAT region code. */
  @Embeddable
  public record Key(
      @Column(name = "programme_code") String programmeCode,
      @Column(name = "region_code", length = 2, columnDefinition = "bpchar") String regionCode)
      implements Serializable {}

  @EmbeddedId public Key id;

  @Column(nullable = false)
  public int total;

  @Column(nullable = false)
  public int assigned;

  protected RegionalQuota() {}

  static RegionalQuota of(String programmeCode, String regionCode, int places) {
    RegionalQuota q = new RegionalQuota();
    q.id = new Key(programmeCode, regionCode);
    q.total = places;
    q.assigned = 0;
    return q;
  }
}
