package it.percorsi.placement.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** An invalid notice of a batch: where it is and why; never its content. */
@Entity
@Table(name = "notice_batch_problem")
public class NoticeProblem extends PanacheEntityBase {

  /** Key: the batch and the problem's order in it. */
  @Embeddable
  public record Key(@Column(name = "batch_id") UUID batchId, @Column(name = "seq") int seq)
      implements Serializable {}

  @EmbeddedId public Key key;

  @Column(name = "file_name", nullable = false, length = 255)
  public String fileName;

  @Column(name = "notice_index", nullable = false)
  public int noticeIndex;

  public Integer line;

  @Column(name = "notice_code", length = 40)
  public String noticeCode;

  @Column(nullable = false, length = 500)
  public String reason;

  protected NoticeProblem() {}

  static NoticeProblem of(
      UUID batchId, int seq, Notice.Position at, String noticeCode, String reason) {
    NoticeProblem p = new NoticeProblem();
    p.key = new Key(batchId, seq);
    p.fileName = at.fileName();
    p.noticeIndex = at.index();
    p.line = at.line();
    p.noticeCode = noticeCode;
    p.reason = reason;
    return p;
  }
}
