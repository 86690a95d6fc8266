package it.percorsi.dote.programme;

import it.percorsi.dote.DoteProblems;
import it.percorsi.dote.events.DoteEvent;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Creates, publishes and reads programmes. */
@ApplicationScoped
public class ProgrammeService {

  private final ProgrammeRepository programmes;
  private final Outbox outbox;
  private final Clock clock;

  public ProgrammeService(ProgrammeRepository programmes, Outbox outbox, Clock clock) {
    this.programmes = programmes;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Defines a draft programme ({@link Programme#define}) with its regional places.
   *
   * @throws ProblemException 400 on inconsistent rules, 409 when the code exists
   */
  @Transactional
  public Programme create(ProgrammeRequest r) {
    Programme.Definition d = Programme.define(r);
    if (programmes.findById(r.code()) != null) {
      throw DoteProblems.programmeExists(r.code());
    }
    programmes.persist(d.programme());
    d.quotas().forEach(q -> q.persist());
    return d.programme();
  }

  /** Publishes a draft and emits {@code programme.published}; its rules are frozen. */
  @Transactional
  public Programme publish(String code) {
    Programme p = get(code);
    outbox.append(DoteEvent.TOPIC, p.publish(clock.instant()));
    return p;
  }

  @Transactional
  public Programme get(String code) {
    Programme p = programmes.findById(code);
    if (p == null) {
      throw ProblemException.notFound("programme", code);
    }
    return p;
  }

  @Transactional
  public List<RegionalQuota> quotas(String code) {
    get(code);
    return programmes.quotas(code);
  }

  @Transactional
  public List<ProgrammeView.QuotaView> quotaViews(String code) {
    get(code);
    var active = programmes.activeByRegion(code);
    var lastAssigned = programmes.lastAssignmentByRegion(code);
    return programmes.quotas(code).stream()
        .map(
            q ->
                new ProgrammeView.QuotaView(
                    q.id.regionCode(),
                    q.total,
                    q.assigned,
                    active.getOrDefault(q.id.regionCode(), 0L),
                    q.total - q.assigned,
                    q.total - q.assigned <= 0 ? lastAssigned.get(q.id.regionCode()) : null))
        .toList();
  }

  @Transactional
  public List<Programme> list() {
    return programmes.listAll(io.quarkus.panache.common.Sort.by("code"));
  }
}
