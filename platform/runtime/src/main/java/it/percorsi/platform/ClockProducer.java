package it.percorsi.platform;

import io.quarkus.arc.DefaultBean;
import it.percorsi.platform.clock.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The platform clock: the business clock (Europe/Rome, since business dates are Italian dates; the
 * wall clock unless the sandbox moved it). Tests replace it with a clock they move themselves.
 */
@ApplicationScoped
public class ClockProducer {

  public static final ZoneId ROME = BusinessClock.ROME;

  @Produces
  @DefaultBean
  @Singleton
  Clock clock(BusinessClock business) {
    return business;
  }
}
