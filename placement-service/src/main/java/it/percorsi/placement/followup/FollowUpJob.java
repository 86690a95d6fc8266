package it.percorsi.placement.followup;

import io.quarkus.scheduler.Scheduled;
import it.percorsi.platform.clock.BusinessDayJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Daily: works out the follow-ups due on the business date. When the sandbox clock moves forward it
 * runs for each day passed; a run for a day already done changes nothing.
 */
@ApplicationScoped
public class FollowUpJob implements BusinessDayJob {

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
    runFor(LocalDate.now(clock));
  }

  @Override
  public String name() {
    return "placement-follow-ups";
  }

  @Override
  public void runFor(LocalDate day) {
    int n = followUps.runDue(day);
    // Counts only: never who.
    LOG.infof("Follow-ups for %s: %d checkpoint(s) derived from hires", day, n);
  }
}
