package it.percorsi.placement.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of UNILAV notices and its report, as returned over HTTP. */
@Schema(name = "NoticeBatch")
public record NoticeBatchView(
    UUID id,
    @Schema(description = "QUEUED, PROCESSING, COMPLETED or FAILED") NoticeBatch.Status status,
    Instant receivedAt,
    Instant finishedAt,
    @Schema(description = "Notices read so far, valid or not") int received,
    @Schema(description = "Valid notices whose worker is a participant") int aboutParticipants,
    @Schema(description = "Valid notices whose worker is no participant: counted, never kept")
        int droppedNonParticipants,
    @Schema(description = "Notices about participants that changed a hire or an internship")
        int applied,
    @Schema(description = "Notices about participants already applied (same code)") int unchanged,
    @Schema(description = "Notices refused, malformed or schema-invalid") int invalid,
    @Schema(description = "Why the batch stopped, when FAILED") String failure,
    @Schema(description = "The first 1000 invalid notices: where they are and why")
        List<Problem> problems) {

  /** An invalid notice: its file (zip entry) and index in it, the line it starts on, why. */
  @Schema(name = "NoticeProblem")
  public record Problem(
      @Schema(examples = "notices/0001.xml") String fileName,
      @Schema(description = "1 for the first notice of the file; 0 for the file as a whole")
          int noticeIndex,
      Integer line,
      @Schema(examples = "1500026000123456") String noticeCode,
      String reason) {}

  static NoticeBatchView of(NoticeBatch b, List<NoticeProblem> problems) {
    return new NoticeBatchView(
        b.id,
        b.status,
        b.receivedAt,
        b.finishedAt,
        b.received,
        b.aboutParticipants,
        b.dropped,
        b.applied,
        b.unchanged,
        b.invalid,
        b.failure,
        problems.stream()
            .map(p -> new Problem(p.fileName, p.noticeIndex, p.line, p.noticeCode, p.reason))
            .toList());
  }
}
