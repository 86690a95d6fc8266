package it.percorsi.dote.dote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What a call opening looks like from the outside, for Prometheus: applications decided,
 * assignments, refusals by kind (the problem type: quota-exhausted, not-eligible, ...) and the
 * places left per programme and region. No personal data: only counts, codes and kinds.
 */
@ApplicationScoped
public class DoteMetrics {

  private final MeterRegistry registry;
  private final EntityManager em;
  private final Counter applications;
  private final Counter assignments;
  private final MultiGauge quotaRemaining;

  public DoteMetrics(MeterRegistry registry, EntityManager em) {
    this.registry = registry;
    this.em = em;
    this.applications =
        Counter.builder("percorsi.dote.applications")
            .description("Applications for a dote decided (assigned or refused)")
            .register(registry);
    this.assignments =
        Counter.builder("percorsi.dote.assignments")
            .description("Dotes assigned: a place of the regional quota taken")
            .register(registry);
    this.quotaRemaining =
        MultiGauge.builder("percorsi.dote.quota.remaining")
            .description("Places left in a region's quota of a programme")
            .register(registry);
  }

  void start(@Observes StartupEvent ignored) {
    refreshQuotas();
  }

  /** An application ended with a dote. */
  public void assigned() {
    applications.increment();
    assignments.increment();
  }

  /** An application was refused with this problem. */
  public void refused(ProblemException e) {
    applications.increment();
    String type = String.valueOf(e.problem().getType());
    Counter.builder("percorsi.dote.refusals")
        .description("Applications refused, by problem kind")
        .tag("kind", type.substring(type.lastIndexOf('/') + 1))
        .register(registry)
        .increment();
  }

  /** Reads the places left of every regional quota (every 15 s: cheap, one small table). */
  @Scheduled(
      every = "${percorsi.dote.metrics.quota-refresh:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  public void refreshQuotas() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT programme_code, region_code, total - assigned FROM regional_quota")
            .getResultList();
    quotaRemaining.register(
        rows.stream()
            .map(
                r ->
                    MultiGauge.Row.of(
                        Tags.of("programme", String.valueOf(r[0]), "region", String.valueOf(r[1])),
                        ((Number) r[2]).doubleValue()))
            .toList(),
        true);
  }
}
