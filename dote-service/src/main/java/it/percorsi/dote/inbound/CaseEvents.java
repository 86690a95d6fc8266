package it.percorsi.dote.inbound;

import io.smallrye.common.annotation.Blocking;
import it.percorsi.dote.dote.DoteFunding;
import it.percorsi.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The rest of the case as it reaches dote-service: {@code percorsi.plans.v1} (an approved plan
 * activates its dote; a validated service delivery pays the promoter) and {@code
 * percorsi.placements.v1} (the internship's start and length tell which months may be paid;
 * confirmed attendance pays a month's allowance; the internship's end pays the host and completes
 * the dote). Once per event id (inbox); a malformed event goes to the topic's dead-letter topic.
 */
@ApplicationScoped
public class CaseEvents {

  static final String CONSUMER = "dote-service";

  private final Inbox inbox;
  private final DoteFunding funding;

  public CaseEvents(Inbox inbox, DoteFunding funding) {
    this.inbox = inbox;
    this.funding = funding;
  }

  @Incoming("plans-in")
  @Blocking
  public void plans(ConsumerRecord<String, String> record) {
    inbox.handle(CONSUMER, record, funding::handle);
  }

  @Incoming("placements-in")
  @Blocking
  public void placements(ConsumerRecord<String, String> record) {
    inbox.handle(CONSUMER, record, funding::handle);
  }
}
