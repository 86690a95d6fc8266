package it.percorsi.platform.projection.dote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A consuming service's local copy of a dote: who holds it, where, its state, its dates and its
 * terms (months and cents), so that a request never waits on dote-service.
 */
@Entity
@Table(name = "dote_projection")
public class DoteProjection extends PanacheEntityBase {

  public static final String ASSIGNED = "ASSIGNED";
  public static final String ACTIVE = "ACTIVE";
  public static final String EXTENDED = "EXTENDED";
  public static final String COMPLETED = "COMPLETED";
  public static final String REVOKED = "REVOKED";
  public static final String EXPIRED = "EXPIRED";

  /** States in which the dote's case can still move (plan, internship, payments). */
  public static final Set<String> LIVE = Set.of(ASSIGNED, ACTIVE, EXTENDED);

  @Id
  @Column(name = "dote_id")
  public UUID doteId;

  @Column(name = "programme_code", nullable = false)
  public String programmeCode;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "promoter_org_id", nullable = false)
  public String promoterOrgId;

  @Column(name = "region_code", nullable = false, length = 2, columnDefinition = "bpchar")
  public String regionCode;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Column(nullable = false)
  public String state;

  @Column(name = "assigned_on", nullable = false)
  public LocalDate assignedOn;

  @Column(name = "planned_internship_start", nullable = false)
  public LocalDate plannedInternshipStart;

  @Column(name = "start_deadline", nullable = false)
  public LocalDate startDeadline;

  @Column(name = "internship_months")
  public Integer internshipMonths;

  @Column(name = "max_extension_months")
  public Integer maxExtensionMonths;

  @Column(name = "extension_months", nullable = false)
  public int extensionMonths;

  @Column(name = "monthly_allowance_cents")
  public Long monthlyAllowanceCents;

  @Column(name = "attendance_threshold_percent")
  public Integer attendanceThresholdPercent;

  @Column(name = "host_contribution_cents")
  public Long hostContributionCents;

  @Column(name = "promoter_services_cents")
  public Long promoterServicesCents;

  @Column(name = "plan_id")
  public UUID planId;

  @Column(name = "activated_on")
  public LocalDate activatedOn;

  @Column(name = "closed_on")
  public LocalDate closedOn;

  @Column(name = "last_event_id", nullable = false)
  public String lastEventId;

  @Column(name = "last_event_at", nullable = false)
  public Instant lastEventAt;

  public boolean live() {
    return LIVE.contains(state);
  }

  /** Active or extended: the plan is approved and the budget committed. */
  public boolean running() {
    return ACTIVE.equals(state) || EXTENDED.equals(state);
  }

  /**
   * The last day the dote's case can run: the start deadline plus the internship's months and the
   * extension months granted.
   */
  public LocalDate lastDay() {
    int months = (internshipMonths == null ? 0 : internshipMonths) + extensionMonths;
    return startDeadline.plusMonths(months);
  }
}
