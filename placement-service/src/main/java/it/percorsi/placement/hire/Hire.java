package it.percorsi.placement.hire;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.placement.events.HireCancelled;
import it.percorsi.placement.events.HireRecorded;
import it.percorsi.placement.reference.ContractTypes;
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
import java.util.UUID;

/** A hire of a participant, as the mandatory employment notice (UNILAV) describes it. */
@Entity
@Table(name = "hire")
public class Hire extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "internship_id")
  public UUID internshipId;

  @Column(name = "dote_id")
  public UUID doteId;

  @Column(name = "promoter_org_id", nullable = false, length = 100)
  public String promoterOrgId;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Column(name = "employer_tax_code", nullable = false, length = 16)
  public String employerTaxCode;

  @Column(name = "employer_id")
  public UUID employerId;

  @Column(name = "contract_type", nullable = false, length = 7, columnDefinition = "bpchar")
  public String contractType;

  @Column(name = "contract_family", nullable = false, length = 20)
  public String contractFamily;

  @Column(name = "start_date", nullable = false)
  public LocalDate startDate;

  @Column(name = "end_date")
  public LocalDate endDate;

  @Column(name = "weekly_hours", nullable = false)
  public int weeklyHours;

  @Column(name = "ateco_code", nullable = false, length = 8)
  public String atecoCode;

  @Column(name = "istat_profession", length = 20)
  public String istatProfession;

  @Column(name = "recorded_by_org_id", nullable = false, length = 100)
  public String recordedByOrgId;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  public Source source = Source.MANUAL;

  /** The code of the latest UNILAV notice applied to this hire (source NOTICE). */
  @Column(name = "notice_code", length = 40)
  public String noticeCode;

  @Version public long version;

  /** Where a hire comes from: typed in by a promoter or CPI, or a UNILAV notice. */
  public enum Source {
    MANUAL,
    NOTICE
  }

  /** What a notice may change on a hire, kept so that a cancellation can put it back. */
  public record Terms(
      String contractType,
      String contractFamily,
      LocalDate endDate,
      int weeklyHours,
      String istatProfession) {}

  protected Hire() {}

  /** What a case the hire belongs to: its owner, province, and latest internship if any. */
  public record Case(String promoterOrgId, String provinceCode, UUID internshipId, UUID doteId) {}

  /** A recorded hire and its {@code hire-recorded}. */
  public record Recorded(Hire hire, HireRecorded event) {}

  /**
   * A hire notified by a UNILAV notice ({@code noticeCode}), from data that passed {@link
   * HireRules}; its {@code hire-recorded} as for a hire recorded by hand.
   */
  public static Recorded notified(
      RecordHire r,
      ContractTypes.ContractType type,
      Case c,
      UUID employerId,
      String recordedByOrgId,
      String noticeCode,
      Instant now) {
    Recorded recorded = record(r, type, c, employerId, recordedByOrgId, now);
    recorded.hire().source = Source.NOTICE;
    recorded.hire().noticeCode = noticeCode;
    return recorded;
  }

  /** The terms a notice may change. */
  public Terms terms() {
    return new Terms(contractType, contractFamily, endDate, weeklyHours, istatProfession);
  }

  /**
   * A notice changes the hire's terms (an extension, a transformation, an end, a correction or the
   * undoing of one of these); the hire's current state as a new {@code hire-recorded}, which
   * supersedes the earlier ones of the same hire.
   */
  public HireRecorded amend(Terms t, String byNoticeCode) {
    contractType = t.contractType();
    contractFamily = t.contractFamily();
    endDate = t.endDate();
    weeklyHours = t.weeklyHours();
    istatProfession = t.istatProfession();
    source = Source.NOTICE;
    noticeCode = byNoticeCode;
    return event();
  }

  /** A correction of the notice that notified the hire: every field anew, same hire. */
  public HireRecorded correct(
      RecordHire r, ContractTypes.ContractType type, UUID employer, String byNoticeCode) {
    employerTaxCode = r.employerTaxCode();
    employerId = employer;
    startDate = r.startDate();
    atecoCode = r.atecoCode();
    return amend(
        new Terms(
            type.code(), type.family().name(), r.endDate(), r.weeklyHours(), r.istatProfession()),
        byNoticeCode);
  }

  /**
   * The notice that notified the hire was cancelled, or corrected into another hire: the hire no
   * longer stands ({@code hire-cancelled}); the caller removes it.
   */
  public HireCancelled cancel(HireCancelled.Reason reason) {
    return new HireCancelled(
        id, participantId, internshipId, doteId, reason, promoterOrgId, provinceCode);
  }

  /** The hire's current state as {@code hire-recorded}. */
  public HireRecorded event() {
    return new HireRecorded(
        id,
        participantId,
        internshipId,
        doteId,
        employerId,
        contractType,
        contractFamily,
        startDate,
        endDate,
        weeklyHours,
        atecoCode,
        istatProfession,
        promoterOrgId,
        provinceCode);
  }

  /** Records a hire from a request that passed {@link HireRules}. */
  public static Recorded record(
      RecordHire r,
      ContractTypes.ContractType type,
      Case c,
      UUID employerId,
      String recordedByOrgId,
      Instant now) {
    Hire h = new Hire();
    h.id = UUID.randomUUID();
    h.participantId = r.participantId();
    h.internshipId = c.internshipId();
    h.doteId = c.doteId();
    h.promoterOrgId = c.promoterOrgId();
    h.provinceCode = c.provinceCode();
    h.employerTaxCode = r.employerTaxCode();
    h.employerId = employerId;
    h.contractType = type.code();
    h.contractFamily = type.family().name();
    h.startDate = r.startDate();
    h.endDate = r.endDate();
    h.weeklyHours = r.weeklyHours();
    h.atecoCode = r.atecoCode();
    h.istatProfession = r.istatProfession();
    h.recordedByOrgId = recordedByOrgId;
    h.recordedAt = now.truncatedTo(ChronoUnit.MICROS);
    return new Recorded(h, h.event());
  }

  /** Whether the person worked under this hire on {@code day}. */
  public boolean covers(LocalDate day) {
    return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
  }

  public String etag() {
    return Preconditions.etag(version);
  }
}
