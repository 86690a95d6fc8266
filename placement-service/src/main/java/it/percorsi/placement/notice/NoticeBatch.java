package it.percorsi.placement.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One upload of UNILAV notices: where its processing stands, and its counts. */
@Entity
@Table(name = "notice_batch")
public class NoticeBatch extends PanacheEntityBase {

  /** Where a batch stands. */
  public enum Status {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED
  }

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public Status status;

  @Column(name = "uploaded_by_org_id", length = 100)
  public String uploadedByOrgId;

  @Column(name = "uploaded_by_subject", nullable = false, length = 255)
  public String uploadedBySubject;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  /** Notices read (valid or not). */
  public int received;

  /** Valid notices whose worker is a participant. */
  @Column(name = "about_participants")
  public int aboutParticipants;

  /** Valid notices whose worker is no participant: counted, not kept. */
  public int dropped;

  /** Notices about participants that changed something. */
  public int applied;

  /** Notices about participants already applied (same code): nothing changed. */
  public int unchanged;

  /** Notices refused (malformed, schema-invalid, or not applicable), with their position. */
  public int invalid;

  /** Why the batch could not be finished, when FAILED. */
  @Column(length = 500)
  public String failure;

  @Version public long version;

  protected NoticeBatch() {}

  public static NoticeBatch queued(String orgId, String subject, Instant now) {
    NoticeBatch b = new NoticeBatch();
    b.id = UUID.randomUUID();
    b.status = Status.QUEUED;
    b.uploadedByOrgId = orgId;
    b.uploadedBySubject = subject;
    b.receivedAt = now;
    return b;
  }
}
