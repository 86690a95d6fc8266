package it.percorsi.placement.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.percorsi.placement.followup.FollowUpService;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports uploads of UNILAV notices. The upload is streamed to a temporary file (deleted once read)
 * and answered at once with its batch; one worker reads the batches in order of arrival: notices
 * are read one at a time ({@link NoticeReader}), their workers matched to participants in chunks
 * through participant-service, each notice about a participant applied in its own transaction
 * ({@link NoticeApplier}), the others counted and forgotten. The batch's counts are saved after
 * each chunk; at the end the follow-ups due are worked out from the hires now known.
 */
@ApplicationScoped
public class NoticeImport {

  private static final Logger LOG = Logger.getLogger(NoticeImport.class);

  /** The most problems a batch keeps with their position; the count goes on. */
  static final int MAX_PROBLEMS = 1000;

  private final NoticeApplier applier;
  private final ParticipantResolver resolver;
  private final FollowUpService followUps;
  private final AuditTrail audit;
  private final Clock clock;
  private final int chunk;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "unilav-import");
            t.setDaemon(true);
            return t;
          });

  public NoticeImport(
      NoticeApplier applier,
      ParticipantResolver resolver,
      FollowUpService followUps,
      AuditTrail audit,
      Clock clock,
      @ConfigProperty(name = "percorsi.placement.notices.chunk", defaultValue = "500") int chunk) {
    this.applier = applier;
    this.resolver = resolver;
    this.followUps = followUps;
    this.audit = audit;
    this.clock = clock;
    this.chunk = chunk;
  }

  /** Batches a restart interrupted are failed: their upload is gone, and can be sent again. */
  void onStart(@Observes StartupEvent e) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                NoticeBatch.update(
                    "status = ?1, failure = ?2, finishedAt = ?3 where status in ?4",
                    NoticeBatch.Status.FAILED,
                    "interrupted by a restart of placement-service: upload the file again (the"
                        + " notices already applied stay applied)",
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    List.of(NoticeBatch.Status.QUEUED, NoticeBatch.Status.PROCESSING)));
  }

  void onStop(@Observes ShutdownEvent e) {
    worker.shutdownNow();
  }

  /** Takes an upload (read to the end here) and queues it; its batch, QUEUED. */
  public NoticeBatch upload(InputStream body, String name, Caller by) throws IOException {
    Path file = Files.createTempFile("unilav-", ".upload");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        body.transferTo(out);
      }
      NoticeBatch batch =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    NoticeBatch b =
                        NoticeBatch.queued(
                            by.orgId(),
                            by.subject(),
                            clock.instant().truncatedTo(ChronoUnit.MICROS));
                    b.persist();
                    audit.record("notice-batch", b.id, "uploaded", "", by);
                    return b;
                  });
      worker.submit(() -> run(batch.id, file, name, by));
      return batch;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Reads and applies a queued batch (on the import worker, or directly in a benchmark). */
  void run(UUID batchId, Path file, String name, Caller by) {
    Progress p = new Progress(batchId, by);
    try (InputStream in = Files.newInputStream(file)) {
      p.save(NoticeBatch.Status.PROCESSING, null);
      new NoticeReader().read(in, name, p);
      p.flush();
      followUps.runDue(LocalDate.now(clock));
      p.save(NoticeBatch.Status.COMPLETED, null);
      LOG.infof(
          "Notice batch %s: %d read, %d about participants, %d applied, %d unchanged, %d invalid,"
              + " %d dropped",
          batchId, p.received, p.about, p.applied, p.unchanged, p.invalid, p.dropped);
    } catch (Exception e) {
      // The class only: a message could quote the upload.
      LOG.warnf("Notice batch %s failed: %s", batchId, e.getClass().getName());
      p.save(
          NoticeBatch.Status.FAILED,
          e instanceof jakarta.ws.rs.WebApplicationException w
              ? "participant-service could not match the workers (status "
                  + w.getResponse().getStatus()
                  + "): upload the file again later; the notices already applied stay applied"
              : "the batch stopped ("
                  + e.getClass().getSimpleName()
                  + "): upload the file again;"
                  + " the notices already applied stay applied");
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warnf("Could not delete an upload's temporary file: %s", e.getClass().getName());
      }
    }
  }

  /** A batch being read: its counts, its chunk of notices waiting to be matched. */
  private final class Progress implements NoticeReader.Sink {
    final UUID batchId;
    final Caller by;
    final List<Notice> pending = new ArrayList<>();
    final List<NoticeProblem> problems = new ArrayList<>();
    int received;
    int about;
    int dropped;
    int applied;
    int unchanged;
    int invalid;
    int problemSeq;

    Progress(UUID batchId, Caller by) {
      this.batchId = batchId;
      this.by = by;
    }

    @Override
    public void notice(Notice notice) {
      received++;
      pending.add(notice);
      if (pending.size() >= chunk) {
        flush();
      }
    }

    @Override
    public void invalid(Notice.Position position, String noticeCode, String reason) {
      received++;
      problem(position, noticeCode, reason);
    }

    void problem(Notice.Position position, String noticeCode, String reason) {
      invalid++;
      if (problemSeq < MAX_PROBLEMS) {
        problems.add(NoticeProblem.of(batchId, ++problemSeq, position, noticeCode, reason));
      }
    }

    /** Matches the pending notices' workers, applies those about participants, saves counts. */
    void flush() {
      if (!pending.isEmpty()) {
        List<String> codes =
            new ArrayList<>(
                new LinkedHashSet<>(pending.stream().map(Notice::workerTaxCode).toList()));
        Map<String, UUID> participants = resolver.resolve(codes);
        for (Notice n : pending) {
          UUID participant = participants.get(n.workerTaxCode());
          if (participant == null) {
            dropped++;
            continue;
          }
          about++;
          try {
            if (applier.apply(n, participant, batchId, by) == NoticeApplier.Outcome.APPLIED) {
              applied++;
            } else {
              unchanged++;
            }
          } catch (NoticeApplier.Refused r) {
            problem(n.position(), n.code(), Redaction.reason(r.getMessage()));
          } catch (RuntimeException e) {
            LOG.warnf(
                "Notice %s of batch %s not applied: %s", n.code(), batchId, e.getClass().getName());
            problem(n.position(), n.code(), "could not be applied: upload it again");
          }
        }
        pending.clear();
      }
      save(NoticeBatch.Status.PROCESSING, null);
    }

    void save(NoticeBatch.Status status, String failure) {
      List<NoticeProblem> toSave = List.copyOf(problems);
      problems.clear();
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                NoticeBatch b = NoticeBatch.findById(batchId);
                b.status = status;
                b.received = received;
                b.aboutParticipants = about;
                b.dropped = dropped;
                b.applied = applied;
                b.unchanged = unchanged;
                b.invalid = invalid;
                b.failure = failure;
                if (status == NoticeBatch.Status.COMPLETED || status == NoticeBatch.Status.FAILED) {
                  b.finishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                  audit.record(
                      "notice-batch",
                      b.id,
                      status.name().toLowerCase(),
                      "applied=" + applied + " unchanged=" + unchanged + " invalid=" + invalid,
                      by);
                }
                toSave.forEach(p -> p.persist());
              });
    }
  }

  /**
   * A batch and its report, for the organisation that uploaded it, the agency and auditors.
   *
   * @throws ProblemException 404 for anyone else
   */
  @Transactional
  public NoticeBatchView report(UUID batchId, Caller c) {
    NoticeBatch b = NoticeBatch.findById(batchId);
    if (b == null || !(c.readsEverything() || c.belongsTo(b.uploadedByOrgId))) {
      throw ProblemException.notFound("notice batch", batchId);
    }
    return NoticeBatchView.of(
        b, NoticeProblem.<NoticeProblem>list("key.batchId = ?1 order by key.seq", batchId));
  }

  /** For a benchmark or a test: waits until the worker has done what was queued before. */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws Exception {
    return worker.submit(() -> true).get(timeout, unit);
  }
}
