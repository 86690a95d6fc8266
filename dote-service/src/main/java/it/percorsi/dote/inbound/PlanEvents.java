package it.percorsi.dote.inbound;

import io.smallrye.common.annotation.Blocking;
import it.percorsi.dote.dote.Dote;
import it.percorsi.dote.dote.DoteService;
import it.percorsi.dote.ledger.Ledger;
import it.percorsi.platform.inbox.Inbox;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code percorsi.plans.v1}: an approved plan activates its dote; a delivered service authorises
 * promoter services. Once per event id (inbox).
 */
@ApplicationScoped
public class PlanEvents {

  public static final String PLAN_APPROVED = "it.percorsi.plan.approved.v1";
  public static final String SERVICE_DELIVERED = "it.percorsi.plan.service-delivered.v1";

  private final Inbox inbox;
  private final DoteService dotes;
  private final Ledger ledger;

  public PlanEvents(Inbox inbox, DoteService dotes, Ledger ledger) {
    this.inbox = inbox;
    this.dotes = dotes;
    this.ledger = ledger;
  }

  @Incoming("plans-in")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    inbox.handle("dote-service", record, this::apply);
  }

  /** Handles one event; public for direct calls in a transaction (tests). */
  public void apply(IncomingEvent e) {
    switch (e.type()) {
      case PLAN_APPROVED -> dotes.planApproved(e.uuid("doteId"), e.uuid("planId"));
      case SERVICE_DELIVERED -> {
        Dote d = Dote.findById(e.uuid("doteId"));
        if (d == null) {
          throw new PoisonEventException("service delivered for unknown dote in " + e.id());
        }
        ledger.serviceDelivered(d, e.text("deliveryId"), e.nonNegativeLong("amountCents"), e.id());
      }
      default -> {
        // Other plan events are not this service's concern.
      }
    }
  }
}
