package it.percorsi.webhook.fanout;

import io.smallrye.common.annotation.Blocking;
import it.percorsi.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every event topic with a consumer group of its own ({@code webhook-service-fanout}) and
 * hands each event, once per id (the platform inbox), to {@link Fanout}. The projections read the
 * participant and dote topics beside it with the service's group.
 */
@ApplicationScoped
public class WebhookEvents {

  static final String CONSUMER = "webhook-service-fanout";

  private final Inbox inbox;
  private final Fanout fanout;

  public WebhookEvents(Inbox inbox, Fanout fanout) {
    this.inbox = inbox;
    this.fanout = fanout;
  }

  @Incoming("participants-hook")
  @Blocking
  public void participants(ConsumerRecord<String, String> record) {
    inbox.handle(CONSUMER, record, fanout::accept);
  }

  @Incoming("dotes-hook")
  @Blocking
  public void dotes(ConsumerRecord<String, String> record) {
    inbox.handle(CONSUMER, record, fanout::accept);
  }

  @Incoming("plans-hook")
  @Blocking
  public void plans(ConsumerRecord<String, String> record) {
    inbox.handle(CONSUMER, record, fanout::accept);
  }

  @Incoming("placements-hook")
  @Blocking
  public void placements(ConsumerRecord<String, String> record) {
    inbox.handle(CONSUMER, record, fanout::accept);
  }

  /** The service's own events (an endpoint disabled), for the owner's other endpoints. */
  @Incoming("webhooks-hook")
  @Blocking
  public void webhooks(ConsumerRecord<String, String> record) {
    inbox.handle(CONSUMER, record, fanout::accept);
  }
}
