package it.percorsi.dote.dote;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Daily: reservations whose internship did not start in time expire and return their place. */
@ApplicationScoped
public class ExpiryJob {

  private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
  private final DoteService dotes;

  public ExpiryJob(DoteService dotes) {
    this.dotes = dotes;
  }

  @Scheduled(
      cron = "{percorsi.dote.expiry-schedule}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    int n = dotes.expireOverdue();
    if (n > 0) {
      LOG.infof("Expired %d dotes not started in time", n);
    }
  }
}
