package it.percorsi.placement.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.placement.PlacementProblems;
import it.percorsi.placement.events.FollowUpRecorded;
import it.percorsi.placement.hire.Hire;
import it.percorsi.placement.internship.Internship;
import it.percorsi.platform.http.Preconditions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A checkpoint on a former intern's employment, 1, 3, 6 or 12 months after the internship ended.
 * SCHEDULED until due; on its due date it is derived from the known hires (RECORDED) or, with no
 * hire known, WAITING for the promoter to record the status.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

  /** Months after the internship's end at which outcomes are measured. */
  public static final List<Integer> CHECKPOINTS = List.of(1, 3, 6, 12);

  /** Where a checkpoint stands. */
  public enum Status {
    SCHEDULED,
    WAITING,
    RECORDED
  }

  @Id public UUID id;

  @Column(name = "internship_id", nullable = false)
  public UUID internshipId;

  @Column(name = "dote_id", nullable = false)
  public UUID doteId;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "promoter_org_id", nullable = false, length = 100)
  public String promoterOrgId;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Column(nullable = false)
  public int months;

  @Column(name = "due_on", nullable = false)
  public LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public Status status;

  public Boolean employed;

  @Column(name = "contract_type", length = 7, columnDefinition = "bpchar")
  public String contractType;

  @Column(name = "contract_family", length = 20)
  public String contractFamily;

  @Column(name = "hire_id")
  public UUID hireId;

  /** HIRE (derived) or PROMOTER (recorded by hand). */
  @Column(length = 20)
  public String source;

  @Column(name = "recorded_at")
  public Instant recordedAt;

  @Version public long version;

  protected FollowUp() {}

  /** The four checkpoints of an internship that ended. */
  public static List<FollowUp> schedule(Internship i) {
    return CHECKPOINTS.stream()
        .map(
            m -> {
              FollowUp f = new FollowUp();
              f.id = UUID.randomUUID();
              f.internshipId = i.id;
              f.doteId = i.doteId;
              f.participantId = i.participantId;
              f.promoterOrgId = i.promoterOrgId;
              f.provinceCode = i.provinceCode;
              f.months = m;
              f.dueOn = i.endedOn.plusMonths(m);
              f.status = Status.SCHEDULED;
              return f;
            })
        .toList();
  }

  /**
   * On or after its due date: employed under the earliest-started hire that covers the due date, if
   * any (RECORDED, event), else WAITING for the promoter. Nothing happens before the due date or
   * once recorded.
   */
  public Optional<FollowUpRecorded> derive(List<Hire> hires, LocalDate today, Instant now) {
    if (status == Status.RECORDED || today.isBefore(dueOn)) {
      return Optional.empty();
    }
    Optional<Hire> hire =
        hires.stream()
            .filter(h -> h.covers(dueOn))
            .filter(
                h ->
                    it.percorsi.placement.reference.ContractTypes.of(h.contractType)
                        .map(t -> t.family().employment())
                        .orElse(true))
            .min(Comparator.comparing((Hire h) -> h.startDate));
    if (hire.isEmpty()) {
      status = Status.WAITING;
      return Optional.empty();
    }
    Hire h = hire.get();
    return Optional.of(set(true, h.contractType, h.contractFamily, h.id, "HIRE", now));
  }

  /**
   * The promoter records the status of a due checkpoint with no known hire.
   *
   * @throws it.percorsi.platform.problem.ProblemException before the due date, or when already
   *     recorded
   */
  public FollowUpRecorded record(
      boolean employed, String contractType, String family, LocalDate today, Instant now) {
    if (today.isBefore(dueOn)) {
      throw PlacementProblems.followUpNotDue(dueOn);
    }
    if (status == Status.RECORDED) {
      throw PlacementProblems.followUpRecorded();
    }
    return set(employed, contractType, family, null, "PROMOTER", now);
  }

  /**
   * The hire this checkpoint was derived from changed (a UNILAV notice corrected, ended or
   * cancelled it): the checkpoint is worked out again, by the next run, from the hires known then.
   * One the promoter recorded is left alone.
   */
  public boolean reopenIfDerivedFrom(Hire h, boolean hireGone) {
    if (status != Status.RECORDED || !"HIRE".equals(source) || !h.id.equals(hireId)) {
      return false;
    }
    if (!hireGone && h.covers(dueOn) && h.contractType.equals(contractType)) {
      return false;
    }
    status = Status.SCHEDULED;
    employed = null;
    contractType = null;
    contractFamily = null;
    hireId = null;
    source = null;
    recordedAt = null;
    return true;
  }

  public String etag() {
    return Preconditions.etag(version);
  }

  private FollowUpRecorded set(
      boolean isEmployed, String type, String family, UUID hire, String from, Instant now) {
    status = Status.RECORDED;
    employed = isEmployed;
    contractType = type;
    contractFamily = family;
    hireId = hire;
    source = from;
    recordedAt = now.truncatedTo(ChronoUnit.MICROS);
    return new FollowUpRecorded(
        internshipId, doteId, participantId, months, dueOn, isEmployed, type, family, hire, source);
  }
}
