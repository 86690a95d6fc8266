package it.percorsi.platform;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The platform clock: Europe/Rome, since business dates are Italian dates. */
@ApplicationScoped
public class ClockProducer {

  public static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Produces
  @DefaultBean
  @Singleton
  Clock clock() {
    return Clock.system(ROME);
  }
}
