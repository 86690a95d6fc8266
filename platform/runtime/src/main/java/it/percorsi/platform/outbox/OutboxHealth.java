package it.percorsi.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox: whether Kafka acknowledges and how many events wait. It stays UP while Kafka
 * is down on purpose: writes are still accepted and their events wait in the outbox, so taking the
 * service out of rotation would turn a bus outage into an API outage.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

  private final OutboxRelay relay;

  public OutboxHealth(OutboxRelay relay) {
    this.relay = relay;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("outbox")
        .up()
        .withData("kafkaReachable", relay.kafkaReachable())
        .withData("backlog", relay.backlog())
        .build();
  }
}
