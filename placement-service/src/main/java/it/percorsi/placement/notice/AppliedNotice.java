package it.percorsi.placement.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.placement.hire.Hire;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A UNILAV notice applied to a participant's hire (or internship), once: its code makes a re-upload
 * change nothing. It keeps the terms it replaced, so that a cancellation or a correction can undo
 * it. No tax code.
 */
@Entity
@Table(name = "hire_notice")
public class AppliedNotice extends PanacheEntityBase {

  /** Whether the notice still holds, or was corrected or cancelled by a later one. */
  public enum State {
    APPLIED,
    CORRECTED,
    CANCELLED
  }

  @Id
  @Column(name = "notice_code", length = 40)
  public String noticeCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 15)
  public Notice.Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 15)
  public Notice.Event event;

  @Column(name = "targets_code", length = 40)
  public String targetsCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 15)
  public State state;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "hire_id")
  public UUID hireId;

  @Column(name = "internship_id")
  public UUID internshipId;

  @Column(name = "prev_contract_type", length = 7, columnDefinition = "bpchar")
  public String prevContractType;

  @Column(name = "prev_contract_family", length = 20)
  public String prevContractFamily;

  @Column(name = "prev_end_date")
  public LocalDate prevEndDate;

  @Column(name = "prev_weekly_hours")
  public Integer prevWeeklyHours;

  @Column(name = "prev_istat", length = 20)
  public String prevIstat;

  @Column(name = "batch_id", nullable = false)
  public UUID batchId;

  @Column(name = "applied_at", nullable = false)
  public Instant appliedAt;

  protected AppliedNotice() {}

  static AppliedNotice of(
      Notice n, Notice.Event event, UUID participantId, UUID batch, Instant at) {
    AppliedNotice a = new AppliedNotice();
    a.noticeCode = n.code();
    a.kind = n.kind();
    a.event = event;
    a.targetsCode = n.targetsCode();
    a.state = State.APPLIED;
    a.participantId = participantId;
    a.batchId = batch;
    a.appliedAt = at;
    return a;
  }

  /** Keeps the terms the notice replaces on {@code h}. */
  void replaced(Hire.Terms t) {
    prevContractType = t.contractType();
    prevContractFamily = t.contractFamily();
    prevEndDate = t.endDate();
    prevWeeklyHours = t.weeklyHours();
    prevIstat = t.istatProfession();
  }

  /** The terms the notice replaced. */
  Hire.Terms previous() {
    return new Hire.Terms(
        prevContractType, prevContractFamily, prevEndDate, prevWeeklyHours, prevIstat);
  }
}
