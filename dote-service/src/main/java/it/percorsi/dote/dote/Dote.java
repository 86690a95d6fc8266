package it.percorsi.dote.dote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.dote.events.DoteEvents.DoteActivated;
import it.percorsi.dote.events.DoteEvents.DoteAssigned;
import it.percorsi.dote.events.DoteEvents.DoteCompleted;
import it.percorsi.dote.events.DoteEvents.DoteExpired;
import it.percorsi.dote.events.DoteEvents.DoteExtended;
import it.percorsi.dote.events.DoteEvents.DoteRevoked;
import it.percorsi.dote.programme.Programme;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A dote: a participant's endowment under a programme. Lifecycle {@code ASSIGNED → ACTIVE →
 * EXTENDED → COMPLETED}, or {@code REVOKED} by the agency, or {@code EXPIRED} when the internship
 * did not start in time. Each transition returns the event it causes; an impossible one is a 409.
 */
@Entity
@Table(name = "dote")
public class Dote extends PanacheEntityBase {

  /** States of a dote. */
  public enum State {
    ASSIGNED,
    ACTIVE,
    EXTENDED,
    COMPLETED,
    REVOKED,
    EXPIRED;

    /** States that hold a quota place and block another live dote of the person. */
    public static final Set<State> LIVE = EnumSet.of(ASSIGNED, ACTIVE, EXTENDED);
  }

  @Id public UUID id;

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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(name = "planned_internship_start", nullable = false)
  public LocalDate plannedInternshipStart;

  @Column(name = "assigned_on", nullable = false)
  public LocalDate assignedOn;

  @Column(name = "start_deadline", nullable = false)
  public LocalDate startDeadline;

  @Column(name = "internship_months", nullable = false)
  public int internshipMonths;

  @Column(name = "extension_months", nullable = false)
  public int extensionMonths;

  @Column(name = "plan_id")
  public UUID planId;

  @Column(name = "activated_on")
  public LocalDate activatedOn;

  @Column(name = "closed_on")
  public LocalDate closedOn;

  @Column(name = "close_reason")
  public String closeReason;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Version public long version;

  protected Dote() {}

  /**
   * Assigns a dote (the clearance): the internship must start within the programme's allowed days.
   * Quota and cap were taken by the caller in the same transaction.
   *
   * @return the new dote and {@code dote.assigned}
   */
  public static Assignment assign(
      Programme programme,
      UUID participantId,
      String promoterOrgId,
      String regionCode,
      String provinceCode,
      LocalDate plannedStart,
      LocalDate today,
      Instant now) {
    Dote d = new Dote();
    d.id = UUID.randomUUID();
    d.programmeCode = programme.code;
    d.participantId = participantId;
    d.promoterOrgId = promoterOrgId;
    d.regionCode = regionCode;
    d.provinceCode = provinceCode;
    d.state = State.ASSIGNED;
    d.plannedInternshipStart = plannedStart;
    d.assignedOn = today;
    d.startDeadline = today.plusDays(programme.clearanceToStartDays);
    d.internshipMonths = programme.internshipMonths;
    d.extensionMonths = 0;
    d.createdAt = now;
    return new Assignment(
        d,
        new DoteAssigned(
            d.id,
            d.programmeCode,
            participantId,
            promoterOrgId,
            regionCode,
            provinceCode,
            today,
            plannedStart,
            d.startDeadline,
            programme.internshipMonths,
            programme.maxExtensionMonths,
            programme.monthlyAllowanceCents,
            programme.attendanceThresholdPercent,
            programme.hostContributionCents,
            programme.promoterServicesCents));
  }

  /** A new dote and the event of its assignment. */
  public record Assignment(Dote dote, DoteAssigned event) {}

  /**
   * The plan was approved: the dote becomes active and its budget is committed.
   *
   * @return {@code dote.activated}
   */
  public DoteActivated activate(UUID plan, LocalDate today, Programme p) {
    require(State.ASSIGNED, "activate");
    state = State.ACTIVE;
    planId = plan;
    activatedOn = today;
    return new DoteActivated(
        id,
        plan,
        today,
        allowanceFor(p, internshipMonths),
        p.hostContributionCents,
        p.promoterServicesCents);
  }

  /**
   * Lengthens the internship ("dote plus") within the programme's longest extension.
   *
   * @return {@code dote.extended}
   */
  public DoteExtended extend(int months, Programme p) {
    if (state != State.ACTIVE && state != State.EXTENDED) {
      throw invalid("extend");
    }
    if (months <= 0 || extensionMonths + months > p.maxExtensionMonths) {
      throw new ProblemException(
          Problem.of(
                  "extension-not-allowed",
                  "Extension not allowed",
                  409,
                  "Programme "
                      + p.code
                      + " allows at most "
                      + p.maxExtensionMonths
                      + " months of extension; "
                      + extensionMonths
                      + " already granted")
              .with("maxExtensionMonths", p.maxExtensionMonths)
              .with("extensionMonths", extensionMonths));
    }
    extensionMonths += months;
    state = State.EXTENDED;
    return new DoteExtended(id, months, extensionMonths, allowanceFor(p, months));
  }

  /** The internship ended: {@code dote.completed}. */
  public DoteCompleted complete(LocalDate today) {
    if (state != State.ACTIVE && state != State.EXTENDED) {
      throw invalid("complete");
    }
    state = State.COMPLETED;
    closedOn = today;
    return new DoteCompleted(id, today);
  }

  /** The agency revokes the dote with a reason: {@code dote.revoked}. */
  public DoteRevoked revoke(String reason, LocalDate today) {
    if (!State.LIVE.contains(state)) {
      throw invalid("revoke");
    }
    state = State.REVOKED;
    closedOn = today;
    closeReason = reason;
    return new DoteRevoked(id, reason, today);
  }

  /** Not started within the allowed days: {@code dote.expired}; the caller returns the place. */
  public DoteExpired expire(LocalDate today) {
    require(State.ASSIGNED, "expire");
    if (!today.isAfter(startDeadline)) {
      throw invalid("expire before " + startDeadline);
    }
    state = State.EXPIRED;
    closedOn = today;
    closeReason = "internship not started by " + startDeadline;
    return new DoteExpired(id, programmeCode, regionCode, today);
  }

  static long allowanceFor(Programme p, int months) {
    return p.monthlyAllowanceCents * months;
  }

  private void require(State expected, String action) {
    if (state != expected) {
      throw invalid(action);
    }
  }

  private ProblemException invalid(String action) {
    return new ProblemException(
        Problem.of(
                "invalid-transition",
                "Transition not allowed",
                409,
                "Cannot " + action + " a dote in state " + state)
            .with("state", state.name()));
  }

  public String etag() {
    return "\"" + version + "\"";
  }
}
