package it.percorsi.placement.followup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/** Daily: works out the follow-ups due on the business date. */
@ApplicationScoped
public class FollowUpJob {

  private static final Logger LOG = Logger.getLogger(FollowUpJob.class);

  private final FollowUpService followUps;
  private final Clock clock;

  public FollowUpJob(FollowUpService followUps, Clock clock) {
    this.followUps = followUps;
    this.clock = clock;
  }

  @Scheduled(
      cron = "{percorsi.placement.follow-ups.cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    int n = followUps.runDue(LocalDate.now(clock));
    LOG.infof("Follow-ups: %d checkpoint(s) derived from hires", n);
  }
}
