package it.percorsi.platform.clock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import it.percorsi.platform.inbox.Inbox;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.inbox.PoisonEventException;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The sandbox business clock across the platform. A move is an event on {@code
 * percorsi.sandbox.v1}; every service applies it in its inbox transaction — moving its {@link
 * BusinessClock} a day at a time and running its {@link BusinessDayJob}s for each day, in order —
 * stores the new offset (so a restart keeps the date) and acknowledges on the same topic. {@link
 * #move} returns once every configured service has acknowledged. With sandbox mode off nothing
 * moves, whatever arrives on the topic: the mode is configuration, never a request.
 */
@ApplicationScoped
public class SandboxClock {

  public static final String TOPIC = "percorsi.sandbox.v1";
  static final String AGGREGATE = "business-clock";
  private static final Logger LOG = Logger.getLogger(SandboxClock.class);

  private final BusinessClock clock;
  private final SandboxConfig config;
  private final Inbox inbox;
  private final Outbox outbox;
  private final EntityManager em;
  private final Instance<BusinessDayJob> jobs;
  private final String service;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** A move waiting for the services that have not acknowledged it yet. */
  private record Pending(Set<String> waiting, CompletableFuture<Void> done) {}

  public SandboxClock(
      BusinessClock clock,
      SandboxConfig config,
      Inbox inbox,
      Outbox outbox,
      EntityManager em,
      Instance<BusinessDayJob> jobs,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.clock = clock;
    this.config = config;
    this.inbox = inbox;
    this.outbox = outbox;
    this.em = em;
    this.jobs = jobs;
    this.service = service;
  }

  /** Whether this service runs in sandbox mode. */
  public boolean enabled() {
    return config.enabled();
  }

  /** Today on the business clock. */
  public LocalDate today() {
    return clock.today();
  }

  /** How many days the business clock runs ahead of the wall clock. */
  public long offsetDays() {
    return clock.offsetDays();
  }

  void restore(@Observes StartupEvent start) {
    if (!config.enabled()) {
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("SELECT offset_days FROM business_clock WHERE id = 1")
                    .getResultStream()
                    .findFirst()
                    .ifPresent(days -> clock.restore(((Number) days).longValue())));
    LOG.infof("Sandbox mode: business date %s", clock.today());
  }

  /**
   * Moves the platform's business date to {@code target} and waits until every configured service
   * has applied it and run its daily jobs for the days passed.
   *
   * @throws ProblemException 404 without sandbox mode, 409 for a date before today, 504 when a
   *     service did not acknowledge in time (the move still completes when it comes back)
   */
  public LocalDate move(LocalDate target) {
    if (!config.enabled()) {
      throw notFound();
    }
    if (target.isBefore(clock.today())) {
      throw new ProblemException(
          Problem.of(
                  "clock-cannot-go-back",
                  "The business clock cannot go back",
                  409,
                  "Today is " + clock.today() + "; the clock only moves forward")
              .with("today", clock.today()));
    }
    String requestId = UUID.randomUUID().toString();
    Pending p = new Pending(ConcurrentHashMap.newKeySet(), new CompletableFuture<>());
    p.waiting().addAll(config.services());
    pending.put(requestId, p);
    try {
      QuarkusTransaction.requiringNew()
          .run(() -> outbox.append(TOPIC, new ClockMoved(requestId, target)));
      p.done().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return target;
    } catch (TimeoutException e) {
      throw new ProblemException(
          Problem.of(
                  "clock-move-incomplete",
                  "Not every service applied the new date in time",
                  504,
                  "The move to "
                      + target
                      + " was sent; these services have not applied it yet: "
                      + new TreeSet<>(p.waiting()))
              .with("waitingFor", new TreeSet<>(p.waiting())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while moving the clock", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("clock move failed", e.getCause());
    } finally {
      pending.remove(requestId);
    }
  }

  /** The 404 of every sandbox operation when sandbox mode is off: the route does not exist. */
  public static ProblemException notFound() {
    return new ProblemException(
        Problem.of("not-found", "Not found", 404, "Sandbox mode is off on this platform"));
  }

  @Incoming("sandbox-in")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    inbox.handle(service, record, this::apply);
  }

  void apply(IncomingEvent e) {
    if (!config.enabled()) {
      return;
    }
    switch (e.type()) {
      case ClockMoved.TYPE -> applyMove(e.text("requestId"), date(e));
      case ClockApplied.TYPE -> acknowledged(e.text("requestId"), e.text("service"));
      default -> LOG.debugf("Skipping event type %s", e.type());
    }
  }

  /**
   * Runs the daily jobs for each day from tomorrow to {@code target}, moving the clock a day at a
   * time, stores the offset and acknowledges — all in the inbox's transaction, so a redelivery
   * after a crash runs again (the jobs are idempotent) and acknowledges once.
   */
  private void applyMove(String requestId, LocalDate target) {
    List<BusinessDayJob> ordered =
        jobs.stream().sorted(Comparator.comparing(BusinessDayJob::name)).toList();
    for (LocalDate day = clock.today().plusDays(1); !day.isAfter(target); day = day.plusDays(1)) {
      clock.moveTo(day);
      for (BusinessDayJob job : ordered) {
        job.runFor(day);
      }
    }
    em.createNativeQuery(
            "INSERT INTO business_clock (id, offset_days, today, updated_at)"
                + " VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET"
                + " offset_days = EXCLUDED.offset_days, today = EXCLUDED.today,"
                + " updated_at = EXCLUDED.updated_at")
        .setParameter(1, clock.offsetDays())
        .setParameter(2, clock.today())
        .setParameter(3, OffsetDateTime.now())
        .executeUpdate();
    outbox.append(TOPIC, new ClockApplied(requestId, service, clock.today()));
    LOG.infof("Sandbox business date is now %s", clock.today());
  }

  private void acknowledged(String requestId, String by) {
    Pending p = pending.get(requestId);
    if (p != null && p.waiting().remove(by) && p.waiting().isEmpty()) {
      p.done().complete(null);
    }
  }

  private static LocalDate date(IncomingEvent e) {
    try {
      return LocalDate.parse(e.text("today"));
    } catch (DateTimeParseException x) {
      throw new PoisonEventException("event " + e.id() + " has an invalid date", x);
    }
  }
}
