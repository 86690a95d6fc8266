package it.percorsi.participant.participant;

import io.quarkus.scheduler.Scheduled;
import it.percorsi.platform.clock.BusinessDayJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Every day, announces the participants registered as minors who turned 18 (see {@link
 * ParticipantService#noteComingOfAge}). Runs again safely: a participant is announced once, and
 * days the job missed are caught up on the next run.
 */
@ApplicationScoped
public class ComingOfAgeJob implements BusinessDayJob {

  private static final Logger LOG = Logger.getLogger(ComingOfAgeJob.class);

  private final ParticipantService service;
  private final Clock clock;

  public ComingOfAgeJob(ParticipantService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  @Scheduled(
      identity = "came-of-age",
      cron = "{percorsi.participant.came-of-age.cron}",
      timeZone = "Europe/Rome",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    run();
  }

  /** Runs for today's date on the injected clock; returns how many came of age. */
  public int run() {
    return run(LocalDate.now(clock));
  }

  private int run(LocalDate today) {
    int n = service.noteComingOfAge(today);
    // Counts only: never who.
    LOG.infof("Came-of-age run for %s: %d participant(s) announced", today, n);
    return n;
  }

  @Override
  public String name() {
    return "participant-came-of-age";
  }

  @Override
  public void runFor(LocalDate day) {
    run(day);
  }
}
