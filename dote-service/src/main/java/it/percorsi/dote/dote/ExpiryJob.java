package it.percorsi.dote.dote;

import io.quarkus.scheduler.Scheduled;
import it.percorsi.platform.clock.BusinessDayJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Daily: reservations whose plan was not approved by their start deadline expire and return their
 * place. Scheduled for today; run for each day passed when the sandbox clock moves forward.
 */
@ApplicationScoped
public class ExpiryJob implements BusinessDayJob {

  private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
  private final DoteService dotes;
  private final Clock clock;

  public ExpiryJob(DoteService dotes, Clock clock) {
    this.dotes = dotes;
    this.clock = clock;
  }

  @Scheduled(
      cron = "{percorsi.dote.expiry-schedule}",
      timeZone = "Europe/Rome",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    runFor(LocalDate.now(clock));
  }

  @Override
  public String name() {
    return "dote-expiry";
  }

  @Override
  public void runFor(LocalDate day) {
    int n = dotes.expireOverdue(day);
    if (n > 0) {
      LOG.infof("Expired %d dotes not started in time as of %s", n, day);
    }
  }
}
